package org.colorize.eval;

/**
 * Peak signal-to-noise ratio of 8-bit RGB images.
 *
 * <p>{@code PSNR = 10 log10(255² / MSE)}, with the MSE taken over the R, G and B samples of
 * every pixel (3·N values); the alpha byte of the packed pixels is ignored. This is
 * {@code skimage.metrics.peak_signal_noise_ratio(truth, pred, data_range=255)} on H×W×3
 * uint8 arrays. Identical images give {@link Double#POSITIVE_INFINITY}.
 */
public final class Psnr {

    /** Peak value of an 8-bit sample. */
    public static final double PEAK = 255.0;

    private Psnr() {
    }

    /**
     * PSNR in dB between two images of packed RGB pixels (ImageJ {@code ColorProcessor} pixels).
     *
     * @param predArgb  predicted image, one {@code 0xAARRGGBB} int per pixel
     * @param truthArgb ground truth of the same size
     * @return the PSNR in dB, {@link Double#POSITIVE_INFINITY} if the RGB samples are all equal
     * @throws IllegalArgumentException if an array is null or empty or the sizes differ
     */
    public static double rgb(int[] predArgb, int[] truthArgb) {
        Checks.samePixels(predArgb, truthArgb);
        long sse = 0; // ≤ 3·255²·2^31 < 2^63: exact
        for (int i = 0; i < predArgb.length; i++) {
            int p = predArgb[i];
            int t = truthArgb[i];
            int dr = ((p >> 16) & 0xff) - ((t >> 16) & 0xff);
            int dg = ((p >> 8) & 0xff) - ((t >> 8) & 0xff);
            int db = (p & 0xff) - (t & 0xff);
            sse += dr * dr + dg * dg + db * db;
        }
        if (sse == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double mse = sse / (3.0 * predArgb.length);
        return 10.0 * Math.log10(PEAK * PEAK / mse);
    }
}
