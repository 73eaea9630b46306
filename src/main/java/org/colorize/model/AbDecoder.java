package org.colorize.model;

import org.colorize.color.AbNormalization;
import org.colorize.color.AbGamut;
import org.colorize.color.AnnealedMean;
import org.colorize.color.ConfidenceShrink;

/** Turns a network's raw output into interleaved ab in Lab units. */
public final class AbDecoder {
    private AbDecoder() {
    }

    /**
     * @param bins        the output's ab bins (the card's {@link SignatureOutput#gamut()}); unused,
     *                    and may be null, for ab outputs
     * @param temperature annealed-mean temperature for distribution outputs
     */
    public static float[] decode(float[] raw, int pixels, OutputEncoding encoding, AbGamut bins, double temperature) {
        return decode(raw, pixels, encoding, bins, temperature, 1);
    }

    /**
     * As {@link #decode(float[], int, OutputEncoding, AbGamut, double)}, a distribution's ab then
     * shrunk toward neutral by its confidence ({@link ConfidenceShrink}) at {@code vividness} in
     * [0, 1] (1: not shrunk). Ab outputs carry no distribution and are returned as decoded.
     */
    public static float[] decode(float[] raw, int pixels, OutputEncoding encoding, AbGamut bins, double temperature,
            double vividness) {
        switch (encoding) {
            case AB:
                return raw;
            case AB_OVER_110:
                for (int i = 0; i < raw.length; i++) raw[i] *= (float) AbNormalization.SCALE;
                return raw;
            case AB_BINS_LOGITS:
            case AB_BINS_PROBABILITIES:
                float[] ab = new float[pixels * 2];
                float[] pair = new float[2];
                int q = bins.size();
                AnnealedMean decoder = new AnnealedMean(bins, temperature);
                boolean logits = encoding == OutputEncoding.AB_BINS_LOGITS;
                for (int p = 0; p < pixels; p++) {
                    if (logits) decoder.decodeLogits(raw, p * q, pair);
                    else decoder.decodeProbabilities(raw, p * q, pair);
                    float g = 1;
                    if (vividness < 1) {
                        double c = logits ? ConfidenceShrink.confidenceOfLogits(raw, p * q, q)
                                : ConfidenceShrink.confidenceOfProbabilities(raw, p * q, q);
                        g = (float) ConfidenceShrink.gain(c, vividness);
                    }
                    ab[2 * p] = pair[0] * g;
                    ab[2 * p + 1] = pair[1] * g;
                }
                return ab;
            default:
                throw new IllegalArgumentException(encoding.key() + " is not chroma");
        }
    }
}
