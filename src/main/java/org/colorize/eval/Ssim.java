package org.colorize.eval;

import java.util.Arrays;

/**
 * Structural similarity (SSIM) of 8-bit RGB images, mean over the R, G and B channels.
 *
 * <p>Two variants, each reproducing {@code skimage.metrics.structural_similarity} (checked
 * against scikit-image 0.19.3 by the fixtures of this package's tests):
 * <ul>
 * <li>{@link #rgb}: scikit-image's defaults, i.e.
 *     {@code structural_similarity(truth, pred, channel_axis=2, data_range=255)}: 7×7 uniform
 *     window, K1 = 0.01, K2 = 0.03, sample covariances (the windowed (co)variances are
 *     multiplied by 49/48).</li>
 * <li>{@link #rgbGaussian}: the Wang et al. (2004) setting, i.e. the same call with
 *     {@code gaussian_weights=True, sigma=1.5, use_sample_covariance=False}: Gaussian
 *     weights σ = 1.5 truncated at 3.5σ (11 taps, normalised to sum 1), population
 *     covariances.</li>
 * </ul>
 * Per channel, with window-weighted means μ and (co)variances σ,
 * <pre>S = (2 μx μy + C1)(2 σxy + C2) / ((μx² + μy² + C1)(σx² + σy² + C2)),
 * C1 = (0.01·255)², C2 = (0.03·255)²</pre>
 * and, as scikit-image does, only windows lying entirely inside the image are used: a border
 * of (window − 1)/2 pixels (3 resp. 5) is cropped from the SSIM map before averaging, so no
 * padding mode is involved. The image must be at least as large as the window in both
 * directions (7×7 resp. 11×11). Identical images give exactly 1.
 *
 * <p>Both filters stream through the image with a ring buffer of one window height, so memory
 * is O(window · width) and nothing is allocated per pixel. The uniform window works on exact
 * integer window sums (see {@code uniformChannelMean}); the Gaussian one is a separable
 * double-precision filter.
 */
public final class Ssim {

    /** K1 of Wang et al. */
    public static final double K1 = 0.01;
    /** K2 of Wang et al. */
    public static final double K2 = 0.03;
    /** Data range of 8-bit samples. */
    public static final double DATA_RANGE = 255.0;
    /** Side of the uniform window of {@link #rgb}. */
    public static final int UNIFORM_WINDOW = 7;
    /** σ of the Gaussian window of {@link #rgbGaussian}. */
    public static final double GAUSSIAN_SIGMA = 1.5;
    /** Truncation of the Gaussian window in σ (scikit-image: 3.5 → 11 taps for σ = 1.5). */
    public static final double GAUSSIAN_TRUNCATE = 3.5;

    private static final double C1 = (K1 * DATA_RANGE) * (K1 * DATA_RANGE);
    private static final double C2 = (K2 * DATA_RANGE) * (K2 * DATA_RANGE);
    private static final double[] GAUSSIAN = gaussianKernel(GAUSSIAN_SIGMA, GAUSSIAN_TRUNCATE);

    private Ssim() {
    }

    /**
     * Mean SSIM with scikit-image's default settings (7×7 uniform window, sample covariance).
     *
     * @param pred   predicted image, packed {@code 0xAARRGGBB} pixels, row-major
     * @param truth  ground truth of the same size
     * @param width  image width
     * @param height image height
     * @return mean SSIM over the 3 channels, in [−1, 1]
     * @throws IllegalArgumentException if the sizes differ or the image is smaller than 7×7
     */
    public static double rgb(int[] pred, int[] truth, int width, int height) {
        checkSize(pred, truth, width, height, UNIFORM_WINDOW);
        UniformWork work = new UniformWork(width, UNIFORM_WINDOW);
        double sum = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            sum += uniformChannelMean(pred, truth, width, height, shift, work);
        }
        return sum / 3.0;
    }

    /**
     * Mean SSIM with Wang et al.'s Gaussian window (σ = 1.5, 11×11, population covariance).
     *
     * @throws IllegalArgumentException if the sizes differ or the image is smaller than 11×11
     * @see #rgb
     */
    public static double rgbGaussian(int[] pred, int[] truth, int width, int height) {
        return weightedMean(pred, truth, width, height, GAUSSIAN, 1.0);
    }

    /** Normalised sampled Gaussian, radius {@code (int)(truncate·σ + 0.5)} as scipy.ndimage. */
    private static double[] gaussianKernel(double sigma, double truncate) {
        int radius = (int) (truncate * sigma + 0.5);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-0.5 / (sigma * sigma) * i * i);
            k[i + radius] = v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }

    private static void checkSize(int[] pred, int[] truth, int width, int height, int k) {
        Checks.samePixels(pred, truth, width, height);
        if (width < k || height < k) {
            throw new IllegalArgumentException("image " + width + "x" + height + " is smaller than the "
                    + k + "x" + k + " SSIM window; SSIM needs at least " + k + " pixels in each direction");
        }
    }

    private static double weightedMean(int[] pred, int[] truth, int width, int height, double[] kernel,
            double covNorm) {
        int k = kernel.length;
        checkSize(pred, truth, width, height, k);
        WeightedWork work = new WeightedWork(width, k);
        double sum = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            sum += weightedChannelMean(pred, truth, width, height, shift, kernel, covNorm, work);
        }
        return sum / 3.0;
    }

    /** Buffers of the weighted (Gaussian) path, reused for the three channels. */
    private static final class WeightedWork {
        final double[] x;
        final double[] y;
        final double[] xx;
        final double[] yy;
        final double[] xy;
        final double[][] rowIn;
        final double[][] ring;
        final double[][] acc;

        WeightedWork(int width, int k) {
            int outW = width - k + 1;
            x = new double[width];
            y = new double[width];
            xx = new double[width];
            yy = new double[width];
            xy = new double[width];
            rowIn = new double[][] {x, y, xx, yy, xy};
            ring = new double[5][k * outW];
            acc = new double[5][outW];
        }
    }

    /**
     * Mean SSIM of one channel over the valid (uncropped) windows. Each pass is a sum of
     * {@code k} scaled, shifted rows (tap order 0..k−1), written as plain array loops that the
     * JIT vectorises.
     */
    private static double weightedChannelMean(int[] pred, int[] truth, int width, int height, int shift,
            double[] kernel, double covNorm, WeightedWork w) {
        int k = kernel.length;
        int outW = width - k + 1;
        int outH = height - k + 1;
        double total = 0;
        for (int row = 0; row < height; row++) {
            int base = row * width;
            for (int i = 0; i < width; i++) {
                double a = (truth[base + i] >> shift) & 0xff;
                double b = (pred[base + i] >> shift) & 0xff;
                w.x[i] = a;
                w.y[i] = b;
                w.xx[i] = a * a;
                w.yy[i] = b * b;
                w.xy[i] = a * b;
            }
            // horizontal pass of this row into ring slot row % k
            int slot = (row % k) * outW;
            for (int q = 0; q < 5; q++) {
                double[] in = w.rowIn[q];
                double[] out = w.ring[q];
                Arrays.fill(out, slot, slot + outW, 0.0);
                for (int j = 0; j < k; j++) {
                    double wt = kernel[j];
                    for (int i = 0; i < outW; i++) {
                        out[slot + i] += wt * in[i + j];
                    }
                }
            }
            if (row < k - 1) {
                continue;
            }
            // vertical pass: output row oy = row − k + 1 combines input rows oy .. row
            int oy = row - k + 1;
            for (int q = 0; q < 5; q++) {
                double[] in = w.ring[q];
                double[] out = w.acc[q];
                Arrays.fill(out, 0.0);
                for (int j = 0; j < k; j++) {
                    double wt = kernel[j];
                    int off = ((oy + j) % k) * outW;
                    for (int i = 0; i < outW; i++) {
                        out[i] += wt * in[off + i];
                    }
                }
            }
            double[] mx = w.acc[0];
            double[] my = w.acc[1];
            double[] mxx = w.acc[2];
            double[] myy = w.acc[3];
            double[] mxy = w.acc[4];
            double rowTotal = 0;
            for (int i = 0; i < outW; i++) {
                double ux = mx[i];
                double uy = my[i];
                double vx = covNorm * (mxx[i] - ux * ux);
                double vy = covNorm * (myy[i] - uy * uy);
                double vxy = covNorm * (mxy[i] - ux * uy);
                double a1 = 2 * ux * uy + C1;
                double a2 = 2 * vxy + C2;
                double b1 = ux * ux + uy * uy + C1;
                double b2 = vx + vy + C2;
                rowTotal += (a1 * a2) / (b1 * b2);
            }
            total += rowTotal;
        }
        return total / ((double) outW * outH);
    }

    /** Integer buffers of the uniform-window path, reused for the three channels. */
    private static final class UniformWork {
        final int[][] rowIn;
        final int[][] ring;
        final int[][] colSum;

        UniformWork(int width, int k) {
            int outW = width - k + 1;
            rowIn = new int[5][width];
            ring = new int[5][k * outW];
            colSum = new int[5][outW];
        }
    }

    /**
     * Mean SSIM of one channel with the k×k uniform window. The window sums of x, y, x², y²
     * and xy are integers (at most 49·255² < 2^22), kept exactly by sliding sums: along the row
     * and then down the columns, one add and one subtract per value. Means and sample
     * (co)variances then follow with a single rounding each:
     * μ = S/n, σ² = (n·Sxx − Sx²) / (n(n−1)) with n = k².
     */
    private static double uniformChannelMean(int[] pred, int[] truth, int width, int height, int shift,
            UniformWork w) {
        int k = UNIFORM_WINDOW;
        int outW = width - k + 1;
        int outH = height - k + 1;
        long n = (long) k * k;
        double meanScale = 1.0 / n;
        double covScale = 1.0 / (n * (n - 1));
        int[] x = w.rowIn[0];
        int[] y = w.rowIn[1];
        int[] xx = w.rowIn[2];
        int[] yy = w.rowIn[3];
        int[] xy = w.rowIn[4];
        for (int[] c : w.colSum) {
            Arrays.fill(c, 0);
        }
        double total = 0;
        for (int row = 0; row < height; row++) {
            int base = row * width;
            for (int i = 0; i < width; i++) {
                int a = (truth[base + i] >> shift) & 0xff;
                int b = (pred[base + i] >> shift) & 0xff;
                x[i] = a;
                y[i] = b;
                xx[i] = a * a;
                yy[i] = b * b;
                xy[i] = a * b;
            }
            int slot = (row % k) * outW; // holds row − k once row ≥ k
            for (int q = 0; q < 5; q++) {
                int[] in = w.rowIn[q];
                int[] ring = w.ring[q];
                int[] col = w.colSum[q];
                if (row >= k) {
                    for (int i = 0; i < outW; i++) {
                        col[i] -= ring[slot + i];
                    }
                }
                int sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += in[i];
                }
                ring[slot] = sum;
                for (int i = 1; i < outW; i++) {
                    sum += in[i + k - 1] - in[i - 1];
                    ring[slot + i] = sum;
                }
                for (int i = 0; i < outW; i++) {
                    col[i] += ring[slot + i];
                }
            }
            if (row < k - 1) {
                continue;
            }
            int[] sx = w.colSum[0];
            int[] sy = w.colSum[1];
            int[] sxx = w.colSum[2];
            int[] syy = w.colSum[3];
            int[] sxy = w.colSum[4];
            double rowTotal = 0;
            for (int i = 0; i < outW; i++) {
                long px = sx[i];
                long py = sy[i];
                double ux = px * meanScale;
                double uy = py * meanScale;
                double vx = (n * sxx[i] - px * px) * covScale;
                double vy = (n * syy[i] - py * py) * covScale;
                double vxy = (n * sxy[i] - px * py) * covScale;
                double a1 = 2 * ux * uy + C1;
                double a2 = 2 * vxy + C2;
                double b1 = ux * ux + uy * uy + C1;
                double b2 = vx + vy + C2;
                rowTotal += (a1 * a2) / (b1 * b2);
            }
            total += rowTotal;
        }
        return total / ((double) outW * outH);
    }
}
