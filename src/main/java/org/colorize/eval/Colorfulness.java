package org.colorize.eval;

/**
 * Colourfulness of Hasler &amp; Süsstrunk (2003), as used in colorization papers (CF, ΔCF).
 *
 * <p>With {@code rg = R − G} and {@code yb = ½(R + G) − B} per pixel on the 0..255 scale,
 * <pre>CF = sqrt(σ_rg² + σ_yb²) + 0.3 · sqrt(μ_rg² + μ_yb²)</pre>
 * where σ is the population standard deviation (divide by N) and μ the mean over all pixels.
 * The alpha byte is ignored. A gray image (R = G = B everywhere) has CF = 0 exactly.
 *
 * <p>The means are exact (integer sums); the variances use a second pass over the pixels,
 * so there is no cancellation error even for large, nearly uniform images.
 */
public final class Colorfulness {

    private Colorfulness() {
    }

    /**
     * Colourfulness of one image.
     *
     * @param argb packed RGB pixels ({@code 0xAARRGGBB})
     * @return CF ≥ 0
     * @throws IllegalArgumentException if the array is null or empty
     */
    public static double of(int[] argb) {
        if (argb == null || argb.length == 0) {
            throw new IllegalArgumentException("image is " + (argb == null ? "null" : "empty (0 pixels)"));
        }
        int n = argb.length;
        long sumRg = 0;
        long sumYb2 = 0; // 2·yb = R + G − 2B is an integer
        for (int p : argb) {
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            sumRg += r - g;
            sumYb2 += r + g - 2 * b;
        }
        double meanRg = (double) sumRg / n;
        double meanYb = (double) sumYb2 / (2.0 * n);
        double ssRg = 0;
        double ssYb = 0;
        for (int p : argb) {
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            int b = p & 0xff;
            double drg = (r - g) - meanRg;
            double dyb = 0.5 * (r + g) - b - meanYb;
            ssRg += drg * drg;
            ssYb += dyb * dyb;
        }
        double sigma = Math.sqrt(ssRg / n + ssYb / n);
        double mu = Math.sqrt(meanRg * meanRg + meanYb * meanYb);
        return sigma + 0.3 * mu;
    }

    /**
     * ΔCF = |CF(pred) − CF(truth)|.
     *
     * @throws IllegalArgumentException if an array is null or empty or the sizes differ
     */
    public static double delta(int[] pred, int[] truth) {
        Checks.samePixels(pred, truth);
        return Math.abs(of(pred) - of(truth));
    }
}
