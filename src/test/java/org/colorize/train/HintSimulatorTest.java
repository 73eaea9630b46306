package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.colorize.nn.HintInputs;
import org.colorize.nn.Siggraph17Net;
import org.junit.jupiter.api.Test;

/** Simulated users: Zhang's distribution of points and patches, the truth's means, reproducible, palettes as global hints. */
class HintSimulatorTest {
    private static final int S = 64;

    /** Left half (a, b) = (40, 10), right half (-30, 50). */
    private static float[] halves() {
        float[] ab = new float[S * S * 2];
        for (int y = 0; y < S; y++) {
            for (int x = 0; x < S; x++) {
                int p = y * S + x;
                ab[2 * p] = x < S / 2 ? 40 : -30;
                ab[2 * p + 1] = x < S / 2 ? 10 : 50;
            }
        }
        return ab;
    }

    private static Map<String, float[]> fill(float[] ab, long seed) {
        Map<String, float[]> m = new HashMap<>();
        HintSimulator.allocate(1, S, m);
        HintSimulator.fill(ab, S, seed, m, 0);
        return m;
    }

    @Test
    void pointsRevealTheTruthsMeanAndFollowZhangsDistribution() {
        float[] ab = halves();
        int none = 0;
        int globals = 0;
        long totalPoints = 0;
        int trials = 3000;
        for (long seed = 0; seed < trials; seed++) {
            Map<String, float[]> m = fill(ab, seed);
            float[] mask = m.get(HintInputs.MASK);
            float[] hint = m.get(HintInputs.AB);
            int masked = 0;
            for (int p = 0; p < S * S; p++) {
                if (mask[p] == 0) {
                    assertEquals(0, hint[2 * p], "no hint ab outside the mask");
                    continue;
                }
                assertEquals(1, mask[p]);
                masked++;
                // inside one half the patch mean is that half's ab; a patch over the edge mixes the two
                float a = hint[2 * p] * (float) Siggraph17Net.AB_SCALE;
                assertTrue(a >= -30 - 1e-3 && a <= 40 + 1e-3, "a patch mean lies between the halves' values: " + a);
                int x = p % S;
                if (x < S / 2 - HintSimulator.maxPatch(S) || x >= S / 2 + HintSimulator.maxPatch(S)) {
                    assertEquals(x < S / 2 ? 40 : -30, a, 1e-3, "a patch inside one half reveals that half's a");
                }
            }
            if (masked == 0) none++;
            float[] g = m.get(HintInputs.GLOBAL);
            if (g[HintInputs.FLAG] == 1) {
                globals++;
                double sum = 0;
                for (int k = 0; k < HintInputs.HISTOGRAM_BINS; k++) sum += g[k];
                assertEquals(1, sum, 1e-4, "the global histogram sums to 1");
                assertTrue(g[HintInputs.SATURATION] > 0.1, "saturation of a colorful crop");
            } else {
                for (float v : g) assertEquals(0, v, "no global hint is all zeros");
            }
            totalPoints += masked;
        }
        double pNone = HintSimulator.NO_POINTS + (1 - HintSimulator.NO_POINTS) * HintSimulator.POINT_P;
        assertEquals(pNone, none / (double) trials, 0.04, "share of crops without points (overlapping patches aside)");
        assertEquals(HintSimulator.GLOBAL_P, globals / (double) trials, 0.03, "share of crops with a global hint");
        assertTrue(totalPoints > 0);
    }

    @Test
    void reproducibleFromItsSeed() {
        float[] ab = halves();
        Map<String, float[]> a = fill(ab, 42);
        Map<String, float[]> b = fill(ab, 42);
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), k);
        boolean differs = false;
        for (long s = 43; s < 60 && !differs; s++) differs = !java.util.Arrays.equals(a.get(HintInputs.MASK), fill(ab, s).get(HintInputs.MASK));
        assertTrue(differs, "other seeds give other hints");
    }

    @Test
    void patchSidesScaleWithTheNetworkSize() {
        assertEquals(9, HintSimulator.maxPatch(256), "Zhang's 1-9 px at 256");
        assertEquals(5, HintSimulator.maxPatch(128));
        assertEquals(1, HintSimulator.maxPatch(16));
    }
}
