package org.colorize.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.colorize.color.AbGamut;
import org.colorize.color.ConfidenceShrink;
import org.junit.jupiter.api.Test;

/** The decoder's vividness: 1 changes nothing; lower values shrink unsure pixels only. */
class AbDecoderVividnessTest {
    private static final AbGamut BINS = AbGamut.zhang();

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
