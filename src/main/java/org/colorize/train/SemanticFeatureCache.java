package org.colorize.train;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.colorize.ColorizeException;
import org.colorize.TrainException;
import org.colorize.color.Lab;
import org.colorize.detect.Detector;
import org.colorize.detect.DetectorOptions;
import org.colorize.detect.GrayPlane;
import org.colorize.detect.SemanticFeatures;
import org.colorize.nn.SemanticFusion;

/**
 * The frozen detector's features of every image of a run, computed once when the run starts (the
 * detector sees each image's L, as it will see a gray image at inference) and kept in memory, so a
 * training step costs no detector pass: each crop's inputs are resampled from the cached maps
 * ({@link SemanticFeatures#sampleS8}, {@link SemanticFeatures#sampleS16}) onto the network's grids
 * at S/4 and S/8, mirrored with the crop.
 */
final class SemanticFeatureCache implements CropFeatures {
    private final Map<RgbImage, SemanticFeatures> features;
    private final SemanticFusion.Mode mode;

    private SemanticFeatureCache(Map<RgbImage, SemanticFeatures> features, SemanticFusion.Mode mode) {
        this.features = features;
        this.mode = mode;
    }

    /** Runs the detector in {@code detectorFolder} on every image. */
    static SemanticFeatureCache compute(Path detectorFolder, List<RgbImage> images, SemanticFusion.Mode mode,
            Consumer<String> log, BooleanSupplier cancel) throws TrainException {
        Map<RgbImage, SemanticFeatures> out = new IdentityHashMap<>();
        long t0 = System.nanoTime();
        long floats = 0;
        try (Detector detector = Detector.load(detectorFolder)) {
            for (RgbImage im : images) {
                if (cancel.getAsBoolean()) throw new TrainException("canceled while computing the detector features");
                SemanticFeatures f = SemanticFeatures.of(detector.detect(lightness(im), DetectorOptions.defaults(), true));
                floats += f.size();
                out.put(im, f);
            }
        } catch (ColorizeException e) {
            throw new TrainException("Cannot compute the detector features with " + detectorFolder + ": " + e.getMessage(), e);
        }
        log.accept(String.format(Locale.ROOT, "detector features of %d images in %.1f s (%d MB in memory)", images.size(),
                (System.nanoTime() - t0) / 1e9, floats * 4 >> 20));
        return new SemanticFeatureCache(out, mode);
    }

    /** CIE L of an 8-bit sRGB image. */
    static GrayPlane lightness(RgbImage im) {
        float[] l = new float[im.width() * im.height()];
        double[] lab = new double[3];
        byte[] rgb = im.rgb();
        for (int p = 0; p < l.length; p++) {
            Lab.fromSrgb((rgb[3 * p] & 0xff) / 255.0, (rgb[3 * p + 1] & 0xff) / 255.0, (rgb[3 * p + 2] & 0xff) / 255.0, lab);
            l[p] = (float) lab[0];
        }
        return GrayPlane.ofLightness(im.width(), im.height(), l);
    }

    @Override
    public Map<String, float[]> allocate(int count, int size) {
        Map<String, float[]> m = new java.util.LinkedHashMap<>();
        if (mode.hypercolumns()) {
            int g = size / SemanticFusion.S8_STRIDE;
            m.put(SemanticFusion.S8, new float[count * g * g * SemanticFusion.S8_CHANNELS]);
        }
        int g = size / SemanticFusion.S16_STRIDE;
        m.put(SemanticFusion.S16, new float[count * g * g * SemanticFusion.S16_CHANNELS]);
        return m;
    }

    @Override
    public void fill(RgbImage image, int x0, int y0, int side, boolean mirror, int size, Map<String, float[]> into, int i) {
        SemanticFeatures f = features.get(image);
        if (f == null) throw new IllegalArgumentException("no detector features for a " + image.width() + "×" + image.height() + " image");
        if (mode.hypercolumns()) {
            int g = size / SemanticFusion.S8_STRIDE;
            float[] v = f.sampleS8(x0, y0, side, side, g, mirror);
            System.arraycopy(v, 0, into.get(SemanticFusion.S8), i * v.length, v.length);
        }
        int g = size / SemanticFusion.S16_STRIDE;
        float[] v = f.sampleS16(x0, y0, side, side, g, mirror);
        System.arraycopy(v, 0, into.get(SemanticFusion.S16), i * v.length, v.length);
    }
}
