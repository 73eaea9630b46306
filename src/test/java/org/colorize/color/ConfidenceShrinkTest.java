package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Flat distributions shrink toward gray by vividness, peaked ones keep their color; vividness 1 changes nothing. */
class ConfidenceShrinkTest {
    private static final AbGamut BINS = AbGamut.zhang();

    @Test
    void confidenceIsOneMinusNormalizedEntropy() {
        int q = BINS.size();
        assertEquals(0, ConfidenceShrink.confidenceOfLogits(new float[q], 0, q), 1e-9, "uniform");
        float[] peaked = new float[q];
        peaked[40] = 60;
        assertEquals(1, ConfidenceShrink.confidenceOfLogits(peaked, 0, q), 1e-6, "one bin");
        float[] ten = new float[q];
        for (int i = 0; i < 10; i++) ten[i] = 1;
        assertEquals(1 - Math.log(10) / Math.log(q), ConfidenceShrink.confidenceOfProbabilities(ten, 0, q), 1e-9);
        float[] tenLogits = new float[q];
        java.util.Arrays.fill(tenLogits, -80);
        for (int i = 0; i < 10; i++) tenLogits[i] = 0;
        assertEquals(1 - Math.log(10) / Math.log(q), ConfidenceShrink.confidenceOfLogits(tenLogits, 0, q), 1e-6);
    }

    @Test
    void gainRunsFromVividnessToOne() {
        assertEquals(0.3, ConfidenceShrink.gain(0, 0.3), 1e-12);
        assertEquals(1, ConfidenceShrink.gain(ConfidenceShrink.FULL_CONFIDENCE, 0.3), 1e-12);
        assertEquals(1, ConfidenceShrink.gain(0.95, 0), 1e-12);
        assertEquals(0.5, ConfidenceShrink.gain(ConfidenceShrink.FULL_CONFIDENCE / 2, 0), 1e-12);
        assertEquals(1, ConfidenceShrink.gain(0, 1), 1e-12);
    }

}
