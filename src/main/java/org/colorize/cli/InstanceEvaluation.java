package org.colorize.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colorize.detect.Box;
import org.colorize.detect.BoxSource;
import org.colorize.detect.DetectorOptions;
import org.colorize.eval.Colorfulness;
import org.colorize.eval.MakeGray;
import org.colorize.eval.Psnr;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.Colorizers;
import org.colorize.pipeline.DetectorBoxes;
import org.colorize.pipeline.InstanceAwareColorizer;

/**
 * Measures an instance-aware model on color photos with objects: per image, PSNR (whole image and
 * inside the detector's boxes) and colorfulness of the instance-aware result versus the same
 * model's full-image result (no boxes); the cost with k = 1, 4, 8 boxes as a multiple of the
 * full-image time; a comparison picture (gray, full-image, instance-aware, truth, boxes). Writes the
 * numbers into the card's {@code metrics.instance_eval} and prints a table.
 *
 * <pre>java -cp … org.colorize.cli.InstanceEvaluation --model models/instance-aware --picture docs/x.png IMAGE...
 * java -cp … org.colorize.cli.InstanceEvaluation --model models/instance-aware --held-out corpus</pre>
 * With {@code --held-out} the images are the corpus's held-out scenes and the numbers go to
 * {@code metrics.instance_eval_held_out}.
 */
public final class InstanceEvaluation {
    /** Interleaved rounds of the cost measurement (on the first image). */
    private static final int COST_ROUNDS = 21;

    private InstanceEvaluation() {}

    public static void main(String[] args) throws Exception {
        List<Path> images = new ArrayList<>();
        Path model = Paths.get("models/instance-aware");
        Path picture = null;
        String pictureOf = "astronaut";
        Path heldOut = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> model = Paths.get(args[++i]);
                case "--picture" -> picture = Paths.get(args[++i]);
                case "--picture-of" -> pictureOf = args[++i];
                case "--held-out" -> {
                    heldOut = Paths.get(args[++i]);
                    images.addAll(org.colorize.train.InstanceAwareTraining.heldOutScenes(heldOut));
                }
                default -> images.add(Paths.get(args[i]));
            }
        }
        Path modelsRoot = model.toAbsolutePath().getParent();
        try (ModelRegistry registry = new ModelRegistry(List.of(modelsRoot))) {
            String name = model.getFileName().toString();
            InstanceAwareColorizer base = (InstanceAwareColorizer) Colorizers.forModel(registry, name);
            ColorizeOptions options = ColorizeOptions.defaults().withModel(name);
            BoxSource detector = new DetectorBoxes(registry, DetectorOptions.defaults());
            JsonArray rows = new JsonArray();
            double sumFull = 0, sumInst = 0, sumInFull = 0, sumInInst = 0;
            int withBoxes = 0;
            System.out.println("image,boxes,box_area,psnr_full,psnr_instance,psnr_boxes_full,psnr_boxes_instance,cf_full,cf_instance,cf_truth");
            for (Path p : images) {
                ImagePlus imp = IJ.openImage(p.toString());
                int w = imp.getWidth();
                int h = imp.getHeight();
                int[] truth = (int[]) imp.getProcessor().convertToRGB().getPixels();
                ImagePlus gray = new ImagePlus(imp.getShortTitle(), new ByteProcessor(w, h, MakeGray.lightnessGray(truth)));
                InstanceAwareColorizer inst = base.withBoxes(detector, DetectorOptions.DEFAULT_MAX_BOXES);
                int[] instanceAware = argb(inst.colorize(ImagePlusAdapter.toSource(gray), options, ColorizeContext.defaults()));
                List<Box> boxes = inst.lastBoxes().get(0);
                int[] full = argb(base.withBoxes(null, 8).colorize(ImagePlusAdapter.toSource(gray), options, ColorizeContext.defaults()));
                boolean[] mask = mask(boxes, w, h);
                double pf = Psnr.rgb(full, truth);
                double pi = Psnr.rgb(instanceAware, truth);
                double bf = boxes.isEmpty() ? Double.NaN : Psnr.rgb(select(full, mask), select(truth, mask));
                double bi = boxes.isEmpty() ? Double.NaN : Psnr.rgb(select(instanceAware, mask), select(truth, mask));
                JsonObject row = new JsonObject();
                String title = imp.getShortTitle();
                row.addProperty("image", title);
                row.addProperty("boxes", boxes.size());
                double area = boxArea(mask);
                row.addProperty("box_area", round(area));
                row.addProperty("psnr_full", round(pf));
                row.addProperty("psnr_instance", round(pi));
                if (!boxes.isEmpty()) {
                    row.addProperty("psnr_boxes_full", round(bf));
                    row.addProperty("psnr_boxes_instance", round(bi));
                    sumInFull += bf;
                    sumInInst += bi;
                    withBoxes++;
                }
                row.addProperty("cf_full", round(Colorfulness.of(full)));
                row.addProperty("cf_instance", round(Colorfulness.of(instanceAware)));
                row.addProperty("cf_truth", round(Colorfulness.of(truth)));
                rows.add(row);
                sumFull += pf;
                sumInst += pi;
                System.out.printf(Locale.ROOT, "%s,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%.1f,%.1f,%.1f%n", title, boxes.size(), area, pf, pi, bf, bi,
                        Colorfulness.of(full), Colorfulness.of(instanceAware), Colorfulness.of(truth));
                if (picture != null && title.equals(pictureOf)) writePicture(picture, gray, full, instanceAware, truth, boxes, w, h);
            }
            JsonObject summary = new JsonObject();
            summary.addProperty("images", images.size());
            summary.addProperty("mean_psnr_full", round(sumFull / images.size()));
            summary.addProperty("mean_psnr_instance", round(sumInst / images.size()));
            summary.addProperty("images_with_boxes", withBoxes);
            summary.addProperty("mean_psnr_boxes_full", round(sumInFull / Math.max(1, withBoxes)));
            summary.addProperty("mean_psnr_boxes_instance", round(sumInInst / Math.max(1, withBoxes)));
            System.out.println("summary " + summary);
            JsonObject cost = org.colorize.bench.InstanceCostBenchmark.measure(base, options, images.get(0), COST_ROUNDS)
                    .json(images.get(0).getFileName().toString());
            System.out.println("cost " + cost);
            JsonObject eval = new JsonObject();
            eval.addProperty("command", "java -cp … org.colorize.cli.InstanceEvaluation --model " + model
                    + (heldOut != null ? " --held-out " + heldOut : " IMAGES") + " (README: Instance-aware)");
            if (heldOut != null) {
                eval.addProperty("images", "the held-out scenes of " + heldOut + " (train.InstanceRole.HELD_OUT: no stage of a model"
                        + " trained with the split trains on them; the fusion's early stopping scores on them)");
            }
            eval.addProperty("gray", "eval.MakeGray.lightnessGray of the color truth");
            eval.addProperty("baseline", "full-image: this model's own full-image network (no boxes)");
            eval.addProperty("boxes", "the detector (coco-centernet), score >= 0.3, at most 8");
            eval.add("summary", summary);
            eval.add("per_image", rows);
            eval.add("cost", cost);
            ModelCard card = ModelCards.read(model);
            JsonObject metrics = card.json().has("metrics") ? card.json().getAsJsonObject("metrics") : new JsonObject();
            metrics.add(heldOut != null ? "instance_eval_held_out" : "instance_eval", eval);
            ModelCards.write(ModelCards.builder(card).metrics(metrics).build(), model);
        }
    }

    private static void writePicture(Path file, ImagePlus gray, int[] full, int[] inst, int[] truth, List<Box> boxes, int w, int h)
            throws Exception {
        int s = 256;
        int th = Math.min(s, s * h / w);
        ColorProcessor montage = new ColorProcessor(5 * s + 16, th);
        montage.setColor(Color.WHITE);
        montage.fill();
        ColorProcessor withBoxes = new ColorProcessor(w, h, truth.clone());
        withBoxes.setColor(Color.YELLOW);
        withBoxes.setLineWidth(Math.max(2, w / 200));
        for (Box b : boxes) withBoxes.drawRect((int) b.x1(), (int) b.y1(), (int) b.width(), (int) b.height());
        ij.process.ImageProcessor[] tiles = {gray.getProcessor().convertToRGB(), new ColorProcessor(w, h, full), new ColorProcessor(w, h, inst),
            new ColorProcessor(w, h, truth), withBoxes};
        for (int i = 0; i < tiles.length; i++) {
            tiles[i].setInterpolationMethod(ij.process.ImageProcessor.BILINEAR);
            montage.insert(tiles[i].resize(s, th), i * (s + 4), 0);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ij.io.FileSaver(new ImagePlus("comparison", montage)).saveAsPng(file.toString());
    }

    private static int[] argb(ColorizeResult r) {
        return (int[]) ImagePlusAdapter.toImagePlus(r.first()).getProcessor().convertToRGB().getPixels();
    }

    /** The share of the image inside at least one box. */
    private static double boxArea(boolean[] mask) {
        int in = 0;
        for (boolean m : mask) if (m) in++;
        return in / (double) mask.length;
    }

    private static boolean[] mask(List<Box> boxes, int w, int h) {
        boolean[] m = new boolean[w * h];
        for (Box b : boxes) {
            for (int y = (int) Math.floor(b.y1()); y < Math.min(h, Math.ceil(b.y2())); y++) {
                for (int x = (int) Math.floor(b.x1()); x < Math.min(w, Math.ceil(b.x2())); x++) m[y * w + x] = true;
            }
        }
        return m;
    }

    private static int[] select(int[] argb, boolean[] mask) {
        int n = 0;
        for (boolean b : mask) if (b) n++;
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < mask.length; i++) if (mask[i]) out[j++] = argb[i];
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
