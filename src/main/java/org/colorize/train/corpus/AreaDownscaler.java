package org.colorize.train.corpus;

import org.colorize.color.RgbRaster;
import org.colorize.color.SrgbTransfer;
import org.colorize.image.Resampling;

/**
 * Downscaling by exact area averaging: every output pixel is the mean of the source area it
 * covers, border pixels weighted by the fraction covered (a box filter as wide as the scale
 * factor, so no aliasing and no ringing). Colors are averaged in linear light, and weighted by
 * alpha where there is alpha, so thin bright or dark detail keeps its brightness and transparent
 * pixels do not bleed their (meaningless) color into the edges of a cut-out. The weights are
 * {@link Resampling}'s, the transfer curve {@link SrgbTransfer}'s.
 */
public final class AreaDownscaler {
    private static final float[] TO_LINEAR = new float[256];

    static {
        for (int i = 0; i < 256; i++) TO_LINEAR[i] = (float) SrgbTransfer.decodeByte(i);
    }

    private AreaDownscaler() {
    }

    /** The output size that keeps the aspect ratio with the longer side at most {@code maxSide}. */
    public static int[] fitSize(int width, int height, int maxSide) {
        int longer = Math.max(width, height);
        if (longer <= maxSide) return new int[] {width, height};
        double s = (double) maxSide / longer;
        return new int[] {Math.max(1, (int) Math.round(width * s)), Math.max(1, (int) Math.round(height * s))};
    }

    /** {@code src} itself when it already fits, else its area-averaged reduction. */
    public static RgbRaster fit(RgbRaster src, int maxSide) {
        int[] size = fitSize(src.width(), src.height(), maxSide);
        if (size[0] == src.width() && size[1] == src.height()) return src;
        return resize(src, size[0], size[1]);
    }

    /** Area-averaged reduction to {@code ow × oh} (each no larger than the source's). */
    public static RgbRaster resize(RgbRaster src, int ow, int oh) {
        int w = src.width(), h = src.height();
        if (ow > w || oh > h || ow < 1 || oh < 1) throw new IllegalArgumentException("not a reduction: " + w + "x" + h + " -> " + ow + "x" + oh);
        Resampling hx = Resampling.of(w, ow);
        Resampling vy = Resampling.of(h, oh);
        boolean alpha = src.alpha();
        int[] in = src.argb();
        // Horizontal pass, one source row at a time: channels are a·R, a·G, a·B (linear), a.
        float[] mid = new float[ow * h * 4];
        float[] row = new float[w * 4];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = in[y * w + x];
                float a = alpha ? (p >>> 24) / 255f : 1f;
                row[4 * x] = TO_LINEAR[(p >> 16) & 0xff] * a;
                row[4 * x + 1] = TO_LINEAR[(p >> 8) & 0xff] * a;
                row[4 * x + 2] = TO_LINEAR[p & 0xff] * a;
                row[4 * x + 3] = a;
            }
            for (int j = 0; j < ow; j++) {
                float r = 0, g = 0, b = 0, a = 0;
                int s = hx.first(j);
                float[] wt = hx.weights(j);
                for (int k = 0; k < wt.length; k++) {
                    int q = 4 * (s + k);
                    r += wt[k] * row[q];
                    g += wt[k] * row[q + 1];
                    b += wt[k] * row[q + 2];
                    a += wt[k] * row[q + 3];
                }
                int o = 4 * (y * ow + j);
                mid[o] = r;
                mid[o + 1] = g;
                mid[o + 2] = b;
                mid[o + 3] = a;
            }
        }
        int[] out = new int[ow * oh];
        for (int i = 0; i < oh; i++) {
            int s = vy.first(i);
            float[] wt = vy.weights(i);
            for (int j = 0; j < ow; j++) {
                float r = 0, g = 0, b = 0, a = 0;
                for (int k = 0; k < wt.length; k++) {
                    int q = 4 * ((s + k) * ow + j);
                    r += wt[k] * mid[q];
                    g += wt[k] * mid[q + 1];
                    b += wt[k] * mid[q + 2];
                    a += wt[k] * mid[q + 3];
                }
                int a8 = Math.round(Math.min(1f, a) * 255f);
                int pixel;
                if (a <= 1e-6f) {
                    pixel = 0;
                } else {
                    pixel = (alpha ? a8 : 255) << 24 | SrgbTransfer.encodeToByte(r / a) << 16 | SrgbTransfer.encodeToByte(g / a) << 8
                            | SrgbTransfer.encodeToByte(b / a);
                }
                out[i * ow + j] = pixel;
            }
        }
        return new RgbRaster(ow, oh, out, alpha);
    }

    /** A gray plane (any linear quantity) reduced by area averaging. */
    public static float[] resizePlane(float[] plane, int w, int h, int ow, int oh) {
        Resampling hx = Resampling.of(w, ow);
        Resampling vy = Resampling.of(h, oh);
        float[] mid = new float[ow * h];
        for (int y = 0; y < h; y++) {
            for (int j = 0; j < ow; j++) {
                float sum = 0;
                float[] wt = hx.weights(j);
                for (int k = 0; k < wt.length; k++) sum += wt[k] * plane[y * w + hx.first(j) + k];
                mid[y * ow + j] = sum;
            }
        }
        float[] out = new float[ow * oh];
        for (int i = 0; i < oh; i++) {
            float[] wt = vy.weights(i);
            for (int j = 0; j < ow; j++) {
                float sum = 0;
                for (int k = 0; k < wt.length; k++) sum += wt[k] * mid[(vy.first(i) + k) * ow + j];
                out[i * ow + j] = sum;
            }
        }
        return out;
    }
}
