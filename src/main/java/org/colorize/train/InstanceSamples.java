package org.colorize.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.colorize.ColorizeException;
import org.colorize.color.RgbRaster;
import org.colorize.detect.Box;
import org.colorize.detect.BoxSource;
import org.colorize.detect.GrayPlane;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;
import org.colorize.nn.FusionGeometry.NetBox;

/**
 * The pictures of InstColorization's instance and fusion stages, made from a corpus: its scenes
 * with the detector's boxes, and its cut-outs composited onto scenes (exact boxes from the alpha
 * mask). Only {@code scenes/} and {@code cutouts/} are read, never the evaluation folder.
 */
final class InstanceSamples {
    /** Side of the square canvas pictures are composed on before sampling to the network size. */
    static final int CANVAS = 256;
    /** Boxes smaller than this fraction of the canvas side (in both directions) are dropped. */
    static final double MIN_BOX_FRACTION = 1.0 / 16;

    /** A pasted cut-out's long side, as a fraction of the canvas side: at least this. */
    static final double MIN_CUTOUT_SIDE = 0.3;
    /** At most this when several cut-outs share the canvas. */
    static final double MAX_CUTOUT_SIDE = 0.65;
    /**
     * At most this when a cut-out is alone: a close-up whose box fills the frame, as the detector's
     * box on a pet or a portrait does; without such pictures the fusion never learns that case.
     */
    static final double MAX_SINGLE_CUTOUT_SIDE = 1.0;

    private final int size;
    private final int cropSize;
    private final int maxBoxes;

    InstanceSamples(int size, int cropSize, int maxBoxes) {
        this.size = size;
        this.cropSize = cropSize;
        this.maxBoxes = maxBoxes;
    }

    /** A scene of the corpus, center-cropped to the canvas, and the stages that may see it. */
    record Scene(String relative, LabCanvas canvas, InstanceRole role) {}

    /** A cut-out of the corpus (ARGB with alpha) and the stages that may see it. */
    record Cutout(String relative, RgbRaster raster, InstanceRole role) {}

    /** The corpus's scenes and cut-outs, split by content ({@link InstanceRole}). */
    record Pictures(List<Scene> scenes, List<Cutout> cutouts) {
        List<Scene> scenes(InstanceRole role) {
            return scenes.stream().filter(s -> s.role() == role).toList();
        }

        List<Cutout> cutouts(InstanceRole role) {
            return cutouts.stream().filter(c -> c.role() == role).toList();
        }
    }

    /**
     * Reads {@code corpus/scenes} and {@code corpus/cutouts} (each in an order shuffled by
     * {@code seed}) and gives every picture its role: by the SHA-256 key of its path relative to
     * the corpus, look-alikes taking the smallest key of their group.
     */
    Pictures pictures(Path corpus, long seed, Consumer<String> log) throws IOException {
        List<String> sceneNames = new ArrayList<>();
        List<LabCanvas> canvases = new ArrayList<>();
        for (Path p : images(corpus.resolve("scenes"), seed)) {
            LabCanvas canvas = scene(p);
            if (canvas == null) continue;
            sceneNames.add(relative(corpus, p));
            canvases.add(canvas);
        }
        List<String> cutNames = new ArrayList<>();
        List<RgbRaster> cuts = new ArrayList<>();
        for (Path c : images(corpus.resolve("cutouts"), seed + 1)) {
            RgbRaster r = read(c, 0);
            if (r == null || !r.alpha()) continue;
            cutNames.add(relative(corpus, c));
            cuts.add(r);
        }
        double[] sceneKeys = ContentSplit.groupKeys(canvases.stream().map(c -> RgbImage.fromArgb(c.side, c.side, c.argb)).toList(),
                sceneNames.stream().mapToDouble(TrainingData::splitKey).toArray());
        double[] cutKeys = ContentSplit.groupKeys(cuts.stream().map(r -> RgbImage.of(r.opaqueOnWhite())).toList(),
                cutNames.stream().mapToDouble(TrainingData::splitKey).toArray());
        List<Scene> scenes = new ArrayList<>();
        for (int i = 0; i < canvases.size(); i++) scenes.add(new Scene(sceneNames.get(i), canvases.get(i), InstanceRole.of(sceneKeys[i])));
        List<Cutout> cutouts = new ArrayList<>();
        for (int i = 0; i < cuts.size(); i++) cutouts.add(new Cutout(cutNames.get(i), cuts.get(i), InstanceRole.of(cutKeys[i])));
        Pictures pictures = new Pictures(List.copyOf(scenes), List.copyOf(cutouts));
        StringBuilder b = new StringBuilder(scenes.size() + " scenes and " + cutouts.size() + " cut-outs split by content:");
        for (InstanceRole r : InstanceRole.values()) {
            b.append(' ').append(r.name().toLowerCase(java.util.Locale.ROOT)).append(' ').append(pictures.scenes(r).size()).append('+')
                    .append(pictures.cutouts(r).size());
        }
        log.accept(b.toString());
        return pictures;
    }

    private static String relative(Path corpus, Path p) {
        return corpus.relativize(p).toString().replace('\\', '/');
    }

    /** Up to {@code limit} of {@code scenes} with the boxes of {@code detector} (those with none are kept, box-less). */
    List<InstanceSample> detected(List<Scene> scenes, BoxSource detector, int limit, Consumer<String> log) throws ColorizeException {
        List<InstanceSample> out = new ArrayList<>();
        for (Scene sc : scenes) {
            if (out.size() >= limit) break;
            float[] lum = luminance(sc.canvas());
            List<int[]> boxes = new ArrayList<>();
            for (Box b : detector.boxes(GrayPlane.ofGray255(CANVAS, CANVAS, lum))) {
                int[] bb = {(int) Math.floor(b.x1()), (int) Math.floor(b.y1()), (int) Math.ceil(b.x2()), (int) Math.ceil(b.y2())};
                if (big(bb) && boxes.size() < maxBoxes) boxes.add(bb);
            }
            out.add(sample(sc.canvas(), boxes, "detector"));
        }
        log.accept(out.size() + " scenes with detector boxes (" + out.stream().mapToInt(s -> s.boxes().size()).sum() + " boxes)");
        return out;
    }

    /**
     * {@code count} composites: a random one of {@code scenes} with 1–3 random {@code cuts} pasted on,
     * boxes from their alpha; a lone cut-out may fill the canvas.
     */
    List<InstanceSample> composites(List<Scene> scenes, List<Cutout> cuts, int count, long seed, Consumer<String> log) throws IOException {
        if (count == 0) return List.of();
        if (cuts.isEmpty() || scenes.isEmpty()) throw new IOException("composites need cut-outs and scenes, have " + cuts.size()
                + " and " + scenes.size());
        Random rnd = new Random(seed);
        List<InstanceSample> out = new ArrayList<>();
        while (out.size() < count) {
            LabCanvas canvas = scenes.get(rnd.nextInt(scenes.size())).canvas().copy();
            List<int[]> boxes = new ArrayList<>();
            int n = 1 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                RgbRaster cut = cuts.get(rnd.nextInt(cuts.size())).raster();
                double longSide = CANVAS * (MIN_CUTOUT_SIDE + ((n == 1 ? MAX_SINGLE_CUTOUT_SIDE : MAX_CUTOUT_SIDE) - MIN_CUTOUT_SIDE)
                        * rnd.nextDouble());
                double f = longSide / Math.max(cut.width(), cut.height());
                int pw = Math.max(8, (int) (cut.width() * f));
                int ph = Math.max(8, (int) (cut.height() * f));
                int px = rnd.nextInt(Math.max(1, CANVAS - pw));
                int py = rnd.nextInt(Math.max(1, CANVAS - ph));
                int[] bb = canvas.paste(cut.width(), cut.height(), cut.argb(), px, py, pw, ph);
                if (bb != null && big(bb)) boxes.add(bb);
            }
            out.add(sample(canvas, boxes, "composite"));
        }
        log.accept(out.size() + " composites from " + cuts.size() + " cut-outs (" + out.stream().mapToInt(s -> s.boxes().size()).sum()
                + " boxes)");
        return out;
    }

    private static boolean big(int[] bb) {
        return bb[2] - bb[0] >= CANVAS * MIN_BOX_FRACTION && bb[3] - bb[1] >= CANVAS * MIN_BOX_FRACTION;
    }

    private InstanceSample sample(LabCanvas canvas, List<int[]> boxes, String source) {
        float[][] full = canvas.lab(0, 0, CANVAS, CANVAS, size);
        List<NetBox> net = new ArrayList<>();
        List<float[]> cl = new ArrayList<>();
        List<float[]> cab = new ArrayList<>();
        double f = (double) size / CANVAS;
        for (int[] b : boxes) {
            net.add(new NetBox(b[0] * f, b[1] * f, b[2] * f, b[3] * f));
            float[][] crop = canvas.lab(b[0], b[1], b[2], b[3], cropSize);
            cl.add(crop[0]);
            cab.add(crop[1]);
        }
        return new InstanceSample(full[0], full[1], net, cl, cab, source);
    }

    private static LabCanvas scene(Path p) throws IOException {
        RgbRaster r = read(p, CANVAS);
        if (r == null) return null;
        RgbRaster opaque = r.alpha() ? r.opaqueOnWhite() : r;
        return LabCanvas.centerSquare(opaque.width(), opaque.height(), opaque.argb(), CANVAS);
    }

    private static RgbRaster read(Path p, int keepShortSide) {
        try {
            DecodedImage d = ImageDecoder.read(p, keepShortSide);
            return d.raster();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Gray levels 0–255 (Rec. 709 luma of the sRGB values) of the canvas, what the detector gets. */
    private static float[] luminance(LabCanvas c) {
        float[] out = new float[c.argb.length];
        for (int i = 0; i < out.length; i++) {
            int p = c.argb[i];
            out[i] = 0.2126f * ((p >> 16) & 0xff) + 0.7152f * ((p >> 8) & 0xff) + 0.0722f * (p & 0xff);
        }
        return out;
    }

    private static List<Path> images(Path folder, long seed) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.walk(folder)) {
            List<Path> files = new ArrayList<>(s.filter(Files::isRegularFile).filter(TrainingData::hasImageExtension).sorted().toList());
            Collections.shuffle(files, new Random(seed));
            return files;
        }
    }
}
