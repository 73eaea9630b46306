package org.colorize.detect;

/**
 * Separable linear (triangle-filter) resampling with the filter widened when shrinking, so a
 * 12-MP photo averages all its pixels into the network input instead of sampling a few.
 */
final class LinearResampler {
    private LinearResampler() {
    }

    /** Per output index: first source index and normalized weights. */
    record Taps(int[] first, float[][] weights) {
        static Taps of(int source, int target) {
            double scale = (double) target / source;
            double radius = scale < 1 ? 1 / scale : 1;
            int[] first = new int[target];
            float[][] weights = new float[target][];
            for (int j = 0; j < target; j++) {
                double center = (j + 0.5) / scale - 0.5;
                int lo = (int) Math.ceil(center - radius);
                int hi = (int) Math.floor(center + radius);
                lo = Math.max(lo, 0);
                hi = Math.min(hi, source - 1);
                if (hi < lo) hi = lo = (int) Math.max(0, Math.min(source - 1, Math.round(center)));
                float[] w = new float[hi - lo + 1];
                double sum = 0;
                for (int i = lo; i <= hi; i++) {
                    double v = Math.max(0, 1 - Math.abs(i - center) / radius);
                    w[i - lo] = (float) v;
                    sum += v;
                }
                if (sum <= 0) {
                    w = new float[] {1};
                    lo = (int) Math.max(0, Math.min(source - 1, Math.round(center)));
                } else {
                    for (int k = 0; k < w.length; k++) w[k] /= (float) sum;
                }
                first[j] = lo;
                weights[j] = w;
            }
            return new Taps(first, weights);
        }
    }

    /** {@code image} resized to {@code width}×{@code height}, as gray levels 0–255, row-major. */
    static float[] resize(GrayPlane image, int width, int height) {
        Taps tx = Taps.of(image.width(), width);
        Taps ty = Taps.of(image.height(), height);
        float[] rows = new float[image.height() * width];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < width; x++) {
                float[] w = tx.weights()[x];
                int x0 = tx.first()[x];
                float v = 0;
                for (int k = 0; k < w.length; k++) v += w[k] * image.gray255(x0 + k, y);
                rows[y * width + x] = v;
            }
        }
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            float[] w = ty.weights()[y];
            int y0 = ty.first()[y];
            for (int k = 0; k < w.length; k++) {
                int row = (y0 + k) * width;
                float wk = w[k];
                for (int x = 0; x < width; x++) out[y * width + x] += wk * rows[row + x];
            }
        }
        return out;
    }
}
