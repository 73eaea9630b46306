package org.colorize.train;

import java.util.Map;
import java.util.SplittableRandom;
import org.colorize.color.GlobalHint;
import org.colorize.nn.HintInputs;
import org.colorize.nn.Siggraph17Net;

/**
 * Simulated users for training the hint inputs, as Zhang et al. 2017 (§3.3) did: a number of
 * points drawn from a geometric distribution (p = 1/8, and in addition a share of crops with no
 * point at all, so the network stays good without hints), each at a position drawn from a 2-D
 * Gaussian around the crop's center (σ = S/4, clamped to the crop), each a square patch whose side
 * is uniform in 1…{@link #maxPatch}, revealing the mean of the truth's ab over the patch. Zhang's
 * patches are 1…9 px at 256²; at S² the largest side scales to round(9·S/256) (5 at 128²). A global
 * hint comes with probability {@value #GLOBAL_P}: the histogram of the whole crop or, half of the
 * time, of a random sub-square of ¼…½ of its side (so the palette, not the layout, is what it
 * carries). A pure function of (ab, seed).
 */
final class HintSimulator {
    /** Geometric distribution's success probability: P(n points) = (1 − p)ⁿ p. */
    static final double POINT_P = 1.0 / 8;
    /** Crops with no local point at all, besides the geometric distribution's own zeros. */
    static final double NO_POINTS = 0.2;
    /** Upper bound on the points of one crop (the geometric tail). */
    static final int MAX_POINTS = 64;
    static final double GLOBAL_P = 0.25;

    private HintSimulator() {
    }

    /** Zhang's largest patch side (9 px at 256²) at network size {@code size}. */
    static int maxPatch(int size) {
        return Math.max(1, (int) Math.round(9.0 * size / 256));
    }

    /** Zeroed hint arrays for {@code count} crops of side {@code size}. */
    static void allocate(int count, int size, Map<String, float[]> into) {
        into.put(HintInputs.AB, new float[count * size * size * 2]);
        into.put(HintInputs.MASK, new float[count * size * size]);
        into.put(HintInputs.GLOBAL, new float[count * HintInputs.GLOBAL_CHANNELS]);
    }

    /** Writes the simulated hints of crop {@code i} (ab interleaved, Lab units, S×S) into {@code into}. */
    static void fill(float[] ab, int size, long seed, Map<String, float[]> into, int i) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] hintAb = into.get(HintInputs.AB);
        float[] mask = into.get(HintInputs.MASK);
        int px = size * size;
        int points = r.nextDouble() < NO_POINTS ? 0 : geometric(r);
        int maxPatch = maxPatch(size);
        for (int k = 0; k < points; k++) {
            int side = 1 + r.nextInt(maxPatch);
            int cx = clamp((int) Math.round(size / 2.0 + r.nextGaussian() * size / 4.0), size);
            int cy = clamp((int) Math.round(size / 2.0 + r.nextGaussian() * size / 4.0), size);
            int x0 = Math.max(0, Math.min(size - side, cx - side / 2));
            int y0 = Math.max(0, Math.min(size - side, cy - side / 2));
            double sa = 0;
            double sb = 0;
            for (int y = y0; y < y0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    sa += ab[2 * (y * size + x)];
                    sb += ab[2 * (y * size + x) + 1];
                }
            }
            int n = side * side;
            float a = (float) (sa / n / Siggraph17Net.AB_SCALE);
            float b = (float) (sb / n / Siggraph17Net.AB_SCALE);
            for (int y = y0; y < y0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    int p = i * px + y * size + x;
                    hintAb[2 * p] = a;
                    hintAb[2 * p + 1] = b;
                    mask[p] = 1;
                }
            }
        }
        if (r.nextDouble() < GLOBAL_P) {
            float[] g = r.nextBoolean() ? GlobalHint.of(ab) : GlobalHint.of(subSquare(ab, size, r));
            System.arraycopy(g, 0, into.get(HintInputs.GLOBAL), i * HintInputs.GLOBAL_CHANNELS, g.length);
        }
    }

    private static int geometric(SplittableRandom r) {
        int n = 0;
        while (n < MAX_POINTS && r.nextDouble() >= POINT_P) n++;
        return n;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /** The ab of a random square of ¼…½ of the crop's side. */
    private static float[] subSquare(float[] ab, int size, SplittableRandom r) {
        int side = Math.max(1, (int) Math.round(size * (0.25 + 0.25 * r.nextDouble())));
        int x0 = r.nextInt(size - side + 1);
        int y0 = r.nextInt(size - side + 1);
        float[] out = new float[side * side * 2];
        for (int y = 0; y < side; y++) {
            System.arraycopy(ab, 2 * ((y0 + y) * size + x0), out, 2 * y * side, 2 * side);
        }
        return out;
    }

    /** The detector's crop features with simulated hints added (the hints of validation crops stay zero). */
    static CropFeatures around(CropFeatures inner) {
        return new CropFeatures() {
            @Override
            public Map<String, float[]> allocate(int count, int size) {
                Map<String, float[]> m = new java.util.LinkedHashMap<>(inner.allocate(count, size));
                HintSimulator.allocate(count, size, m);
                return m;
            }

            @Override
            public void fill(RgbImage image, int x0, int y0, int side, boolean mirror, int size, Map<String, float[]> into,
                    int i) {
                inner.fill(image, x0, y0, side, mirror, size, into, i);
            }

            @Override
            public void fillFromTruth(float[] ab, int size, long seed, Map<String, float[]> into, int i) {
                HintSimulator.fill(ab, size, seed, into, i);
            }
        };
    }
}
