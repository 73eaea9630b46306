package org.colorize.color;

/**
 * Confidence-aware shrinking of a decoded ab toward neutral: where the network's distribution over
 * the ab bins is flat it does not know the color, and the PSNR-optimal answer moves toward gray;
 * where it is peaked the color stays. Confidence is one minus the normalized entropy of the
 * distribution (at temperature 1), c = 1 − H(p) / log Q, in [0, 1]; the decoded ab is scaled by
 * g = v + (1 − v) · min(1, c / {@link #FULL_CONFIDENCE}), v the vividness in [0, 1]. v = 1 keeps
 * the annealed mean as it is; v = 0 scales each pixel by its confidence alone.
 */
public final class ConfidenceShrink {
    /**
     * Confidence from which a color is kept whole. A distribution spread evenly over 10 of the 313
     * bins has c = 1 − log 10 / log 313 ≈ 0.6: a few neighbouring shades, an answer worth keeping.
     */
    public static final double FULL_CONFIDENCE = 0.6;

    private ConfidenceShrink() {
    }

    /** The confidence c of logits {@code logits[offset .. offset + q)}. */
    public static double confidenceOfLogits(float[] logits, int offset, int q) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < q; i++) max = Math.max(max, logits[offset + i]);
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < q; i++) {
            double d = logits[offset + i] - max;
            double e = Math.exp(d);
            sum += e;
            weighted += e * d;
        }
        double entropy = Math.log(sum) - weighted / sum;
        return clamp01(1 - entropy / Math.log(q));
    }

    /** The confidence c of probabilities {@code probs[offset .. offset + q)} (need not sum to 1). */
    public static double confidenceOfProbabilities(float[] probs, int offset, int q) {
        double sum = 0;
        for (int i = 0; i < q; i++) sum += Math.max(0, probs[offset + i]);
        if (!(sum > 0)) return 0;
        double entropy = 0;
        for (int i = 0; i < q; i++) {
            double p = Math.max(0, probs[offset + i]) / sum;
            if (p > 0) entropy -= p * Math.log(p);
        }
        return clamp01(1 - entropy / Math.log(q));
    }

    /** The factor g for confidence {@code c} at vividness {@code v}. */
    public static double gain(double c, double v) {
        return v + (1 - v) * Math.min(1, c / FULL_CONFIDENCE);
    }

    private static double clamp01(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
