package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.colorize.model.AbDecoder;
import org.colorize.model.OutputEncoding;
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

    @Test
    void decoderShrinksFlatPixelsOnly() {
        int q = BINS.size();
        float[] raw = new float[2 * q];
        // pixel 0: fairly flat over red-ish bins; pixel 1: peaked on one bin
        int red = nearest(40, 30);
        for (int i = 0; i < q; i++) raw[i] = (float) (-Math.hypot(BINS.a(i) - 40, BINS.b(i) - 30) / 40);
        raw[q + red] = 50;
        float[] plain = AbDecoder.decode(raw.clone(), 2, OutputEncoding.AB_BINS_LOGITS, BINS, 0.38);
        assertArrayEquals(plain, AbDecoder.decode(raw.clone(), 2, OutputEncoding.AB_BINS_LOGITS, BINS, 0.38, 1), 0f);
        float[] shrunk = AbDecoder.decode(raw.clone(), 2, OutputEncoding.AB_BINS_LOGITS, BINS, 0.38, 0);
        double c0 = ConfidenceShrink.confidenceOfLogits(raw, 0, q);
        assertTrue(c0 < ConfidenceShrink.FULL_CONFIDENCE, "pixel 0 is unsure: " + c0);
        assertEquals(plain[0] * c0 / ConfidenceShrink.FULL_CONFIDENCE, shrunk[0], 1e-3);
        assertEquals(plain[1] * c0 / ConfidenceShrink.FULL_CONFIDENCE, shrunk[1], 1e-3);
        assertEquals(plain[2], shrunk[2], 1e-5, "the peaked pixel keeps its a");
        assertEquals(plain[3], shrunk[3], 1e-5, "and its b");
    }

    private static int nearest(double a, double b) {
        int best = 0;
        for (int i = 1; i < BINS.size(); i++) {
            if (Math.hypot(BINS.a(i) - a, BINS.b(i) - b) < Math.hypot(BINS.a(best) - a, BINS.b(best) - b)) best = i;
        }
        return best;
    }
}
