package org.colorize.train;

/**
 * Area-weighted resampling of interleaved RGB: every output pixel is the mean of the input area it
 * covers, partial pixels weighted by their overlap (exact box filter; for enlargements it becomes
 * a sharp box interpolation). Separable: rows first, then columns.
 */
final class AreaResize {
    private AreaResize() {
    }

    /** Per output index: the first input index, the tap count and the tap weights (summing to 1). */
    record Taps(int[] first, int[] count, float[] weights, int stride) {
        static Taps of(int in, int out) {
            double scale = (double) in / out;
            int stride = (int) Math.ceil(scale) + 2;
            int[] first = new int[out];
            int[] count = new int[out];
            float[] weights = new float[out * stride];
            for (int o = 0; o < out; o++) {
                double start = o * scale;
                double end = Math.min(in, (o + 1) * scale);
                int i0 = (int) Math.floor(start);
                int i1 = Math.min(in, (int) Math.ceil(end));
                first[o] = i0;
                count[o] = i1 - i0;
                double sum = 0;
                for (int i = i0; i < i1; i++) {
                    double w = Math.min(end, i + 1) - Math.max(start, i);
                    weights[o * stride + i - i0] = (float) w;
                    sum += w;
                }
                for (int k = 0; k < count[o]; k++) weights[o * stride + k] /= (float) sum;
            }
            return new Taps(first, count, weights, stride);
        }
    }

    /**
     * The {@code cw × ch} rectangle at {@code (x0, y0)} of {@code src} resampled to {@code outW × outH},
     * as interleaved RGB floats in 0..255, optionally mirrored left-right.
     */
    static float[] crop(RgbImage src, int x0, int y0, int cw, int ch, int outW, int outH, boolean mirror) {
        if (x0 < 0 || y0 < 0 || cw < 1 || ch < 1 || x0 + cw > src.width() || y0 + ch > src.height()) {
            throw new IllegalArgumentException("crop " + cw + "×" + ch + " at " + x0 + "," + y0 + " outside " + src.width()
                    + "×" + src.height());
        }
        Taps tx = Taps.of(cw, outW);
        Taps ty = Taps.of(ch, outH);
        byte[] rgb = src.rgb();
        int w = src.width();
        float[] rows = new float[ch * outW * 3];
        for (int y = 0; y < ch; y++) {
            int rowBase = ((y0 + y) * w + x0) * 3;
            int outBase = y * outW * 3;
            for (int ox = 0; ox < outW; ox++) {
                float r = 0, g = 0, b = 0;
                int f = tx.first[ox];
                int wb = ox * tx.stride;
                for (int k = 0, n = tx.count[ox]; k < n; k++) {
                    float wt = tx.weights[wb + k];
                    int p = rowBase + (f + k) * 3;
                    r += wt * (rgb[p] & 0xff);
                    g += wt * (rgb[p + 1] & 0xff);
                    b += wt * (rgb[p + 2] & 0xff);
                }
                int q = outBase + (mirror ? outW - 1 - ox : ox) * 3;
                rows[q] = r;
                rows[q + 1] = g;
                rows[q + 2] = b;
            }
        }
        float[] out = new float[outH * outW * 3];
        int rowLen = outW * 3;
        for (int oy = 0; oy < outH; oy++) {
            int f = ty.first[oy];
            int wb = oy * ty.stride;
            int outBase = oy * rowLen;
            for (int k = 0, n = ty.count[oy]; k < n; k++) {
                float wt = ty.weights[wb + k];
                int inBase = (f + k) * rowLen;
                for (int j = 0; j < rowLen; j++) out[outBase + j] += wt * rows[inBase + j];
            }
        }
        return out;
    }

    /** The whole image resampled to {@code outW × outH}, rounded to bytes. */
    static RgbImage resize(RgbImage src, int outW, int outH) {
        float[] f = crop(src, 0, 0, src.width(), src.height(), outW, outH, false);
        byte[] b = new byte[f.length];
        for (int i = 0; i < f.length; i++) b[i] = (byte) Math.min(255, Math.max(0, Math.round(f[i])));
        return new RgbImage(outW, outH, b);
    }

    /** {@code src} scaled (never enlarged) so its short side is at most {@code maxShortSide}. */
    static RgbImage shrinkTo(RgbImage src, int maxShortSide) {
        int s = src.shortSide();
        if (s <= maxShortSide) return src;
        double f = (double) maxShortSide / s;
        int w = Math.max(1, (int) Math.round(src.width() * f));
        int h = Math.max(1, (int) Math.round(src.height() * f));
        return resize(src, w, h);
    }
}
