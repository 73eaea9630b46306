package org.colorize.detect;

import java.util.Map;

/**
 * The detector's features of one image, kept compactly for the colorizer (the semantic input of
 * {@code nn.SemanticFusion}): the stride-8 tap ({@value #S8_CHANNELS} channels) and the stride-16
 * group ({@value #S16_CHANNELS} channels: the stride-16 tap, the stride-32 tap upsampled to stride
 * 16 and the 80-class heatmap max-pooled from stride 4 to 16), each cropped to the cells the image
 * covers in the letterbox. The stride-4 backbone tap (72 channels at 128², 4.7 MB an image) is left
 * out: its information is mostly edges, which L itself gives the colorizer.
 *
 * <p>{@link #sample} resamples a square or rectangular view of the image (image pixels) onto the
 * colorizer's grids, bilinearly at cell centers, optionally mirrored: the same call serves a
 * training crop and a whole image at inference.
 */
public final class SemanticFeatures {
    public static final int S8_CHANNELS = 96;
    public static final int S16_CHANNELS = 88 + 120 + 80;

    private final double scale;
    private final Grid s8;
    private final Grid s16;

    /** A map of {@code w × h} cells of {@code c} channels at {@code stride} letterbox pixels. */
    private record Grid(int w, int h, int c, int stride, float[] v) {
    }

    private SemanticFeatures(double scale, Grid s8, Grid s16) {
        this.scale = scale;
        this.s8 = s8;
        this.s16 = s16;
    }

    /** From a detection run with features ({@code Detector.detect(image, options, true)}). */
    public static SemanticFeatures of(Detection d) {
        Map<String, FeatureMap> f = d.features();
        FeatureMap t8 = need(f, "features_s8");
        FeatureMap t16 = need(f, "features_s16");
        FeatureMap t32 = need(f, "features_s32");
        FeatureMap heat = need(f, "heatmap");
        Letterbox lb = d.letterbox();
        int w8 = cells(lb.contentWidth(), 8, t8.width());
        int h8 = cells(lb.contentHeight(), 8, t8.height());
        Grid g8 = new Grid(w8, h8, t8.channels(), 8, crop(t8, w8, h8));
        int w16 = cells(lb.contentWidth(), 16, t16.width());
        int h16 = cells(lb.contentHeight(), 16, t16.height());
        int c = t16.channels() + t32.channels() + heat.channels();
        if (t8.channels() != S8_CHANNELS || c != S16_CHANNELS) {
            throw new IllegalArgumentException("unexpected feature taps: " + f.values());
        }
        float[] v = new float[w16 * h16 * c];
        int pool = 16 / heat.stride();
        for (int y = 0; y < h16; y++) {
            for (int x = 0; x < w16; x++) {
                int o = (y * w16 + x) * c;
                System.arraycopy(t16.values(), (y * t16.width() + x) * t16.channels(), v, o, t16.channels());
                o += t16.channels();
                int x32 = Math.min(t32.width() - 1, x / 2);
                int y32 = Math.min(t32.height() - 1, y / 2);
                System.arraycopy(t32.values(), (y32 * t32.width() + x32) * t32.channels(), v, o, t32.channels());
                o += t32.channels();
                for (int k = 0; k < heat.channels(); k++) {
                    float m = Float.NEGATIVE_INFINITY;
                    for (int dy = 0; dy < pool; dy++) {
                        for (int dx = 0; dx < pool; dx++) {
                            int hy = Math.min(heat.height() - 1, y * pool + dy);
                            int hx = Math.min(heat.width() - 1, x * pool + dx);
                            m = Math.max(m, heat.values()[(hy * heat.width() + hx) * heat.channels() + k]);
                        }
                    }
                    v[o + k] = m;
                }
            }
        }
        return new SemanticFeatures(lb.scale(), g8, new Grid(w16, h16, c, 16, v));
    }

    private static FeatureMap need(Map<String, FeatureMap> f, String name) {
        FeatureMap m = f.get(name);
        if (m == null) throw new IllegalArgumentException("the detection holds no " + name + " (run it with features)");
        return m;
    }

    private static int cells(int contentPixels, int stride, int max) {
        return Math.max(1, Math.min(max, (contentPixels + stride - 1) / stride));
    }

    private static float[] crop(FeatureMap m, int w, int h) {
        int c = m.channels();
        float[] out = new float[w * h * c];
        for (int y = 0; y < h; y++) System.arraycopy(m.values(), y * m.width() * c, out, y * w * c, w * c);
        return out;
    }

    /** Floats held. */
    public long size() {
        return (long) s8.v.length + s16.v.length;
    }

    /**
     * The stride-8 features over the view {@code [x0, x0 + w) × [y0, y0 + h)} (image pixels) on a
     * {@code grid × grid} raster, channels last.
     */
    public float[] sampleS8(double x0, double y0, double w, double h, int grid, boolean mirror) {
        return sample(s8, x0, y0, w, h, grid, mirror);
    }

    /** As {@link #sampleS8} for the stride-16 group. */
    public float[] sampleS16(double x0, double y0, double w, double h, int grid, boolean mirror) {
        return sample(s16, x0, y0, w, h, grid, mirror);
    }

    private float[] sample(Grid g, double x0, double y0, double w, double h, int grid, boolean mirror) {
        float[] out = new float[grid * grid * g.c];
        int c = g.c;
        for (int v = 0; v < grid; v++) {
            double fy = clamp(((y0 + (v + 0.5) * h / grid) * scale) / g.stride - 0.5, g.h);
            int yA = (int) Math.floor(fy);
            int yB = Math.min(g.h - 1, yA + 1);
            float wy = (float) (fy - yA);
            for (int u = 0; u < grid; u++) {
                int uu = mirror ? grid - 1 - u : u;
                double fx = clamp(((x0 + (uu + 0.5) * w / grid) * scale) / g.stride - 0.5, g.w);
                int xA = (int) Math.floor(fx);
                int xB = Math.min(g.w - 1, xA + 1);
                float wx = (float) (fx - xA);
                int a = (yA * g.w + xA) * c;
                int b = (yA * g.w + xB) * c;
                int cc = (yB * g.w + xA) * c;
                int d = (yB * g.w + xB) * c;
                int o = (v * grid + u) * c;
                for (int k = 0; k < c; k++) {
                    float top = g.v[a + k] + wx * (g.v[b + k] - g.v[a + k]);
                    float bottom = g.v[cc + k] + wx * (g.v[d + k] - g.v[cc + k]);
                    out[o + k] = top + wy * (bottom - top);
                }
            }
        }
        return out;
    }

    private static double clamp(double f, int cells) {
        return Math.max(0, Math.min(cells - 1, f));
    }
}
