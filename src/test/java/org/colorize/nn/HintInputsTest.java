package org.colorize.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The hint inputs: zero-started they leave the semantic network exactly as it was (whatever the
 * hints say), once trained a hint changes the output near it and not far away, "no hint" (zeros)
 * bypasses the local path, and the global hint reaches every pixel.
 */
class HintInputsTest {
    private static final Siggraph17Config CFG = Siggraph17Config.distribution(1.0 / 16, 1, 5);
    private static final int S = 64;
    private static final Shape L = Shape.of(1, S, S, 1);
    private static final Shape S8 = Shape.of(1, S / 4, S / 4, SemanticFusion.S8_CHANNELS);
    private static final Shape S16 = Shape.of(1, S / 8, S / 8, SemanticFusion.S16_CHANNELS);
    private static final Shape AB = Shape.of(1, S, S, 2);
    private static final Shape MASK = Shape.of(1, S, S, 1);
    private static final Shape GLOBAL = Shape.of(1, 1, 1, HintInputs.GLOBAL_CHANNELS);

    /** Logits [S/4, S/4, 5]; {@code hints} null builds the network without hint inputs; {@code perturb} picks hint weights to randomize. */
    private static float[] run(double[][] hints, Predicate<String> perturb) {
        double[] l = TfFixture.seededUniform(L.size(), 1, 100);
        double[] s8 = TfFixture.seededUniform(S8.size(), 2, 1);
        double[] s16 = TfFixture.seededUniform(S16.size(), 3, 1);
        try (var f = new TfFixture<>(TFloat32.class, ParameterStore.Mode.INFERENCE)) {
            Placeholder<TFloat32> pl = f.placeholder("l", L);
            Placeholder<TFloat32> p8 = f.placeholder("s8", S8);
            Placeholder<TFloat32> p16 = f.placeholder("s16", S16);
            HintInputs.Operands<TFloat32> h = hints == null ? null : new HintInputs.Operands<>(f.placeholder("ab", AB),
                    f.placeholder("mask", MASK), f.placeholder("global", GLOBAL));
            var out = SemanticSiggraph17Net.build(f.store, pl, p8, p16, CFG, SemanticFusion.Mode.BOTH, h);
            f.session.initialize();
            Map<String, Tensor> map = new LinkedHashMap<>();
            f.store.entries().forEach((k, e) -> {
                if (k.startsWith("hints/") && perturb.test(k)) {
                    map.put(k, Tensors.of(TFloat32.class, e.shape(), f.randn(e.shape().size(), 0.05)));
                }
            });
            if (!map.isEmpty()) f.store.load(f.session, map, false);
            map.values().forEach(Tensor::close);
            try (Tensor tl = Tensors.of(TFloat32.class, L, l); Tensor t8 = Tensors.of(TFloat32.class, S8, s8);
                    Tensor t16 = Tensors.of(TFloat32.class, S16, s16)) {
                var r = f.session.runner().feed(pl, tl).feed(p8, t8).feed(p16, t16);
                Tensor ta = null;
                Tensor tm = null;
                Tensor tg = null;
                if (h != null) {
                    ta = Tensors.of(TFloat32.class, AB, hints[0]);
                    tm = Tensors.of(TFloat32.class, MASK, hints[1]);
                    tg = Tensors.of(TFloat32.class, GLOBAL, hints[2]);
                    r.feed(h.ab(), ta).feed(h.mask(), tm).feed(h.global(), tg);
                }
                try (Result res = r.fetch(out.logits()).run()) {
                    double[] v = Tensors.values(res.get(0));
                    float[] o = new float[v.length];
                    for (int i = 0; i < v.length; i++) o[i] = (float) v[i];
                    return o;
                } finally {
                    if (ta != null) ta.close();
                    if (tm != null) tm.close();
                    if (tg != null) tg.close();
                }
            }
        }
    }

    private static double[][] noHints() {
        return new double[][] {new double[(int) AB.size()], new double[(int) MASK.size()], new double[(int) GLOBAL.size()]};
    }

    /** One red hint, a 3×3 square at (x, y). */
    private static double[][] point(int x, int y) {
        double[][] h = noHints();
        for (int yy = y - 1; yy <= y + 1; yy++) {
            for (int xx = x - 1; xx <= x + 1; xx++) {
                int p = yy * S + xx;
                h[0][2 * p] = 0.6;
                h[0][2 * p + 1] = 0.4;
                h[1][p] = 1;
            }
        }
        return h;
    }

    private static double[][] global() {
        double[][] h = noHints();
        h[2][10] = 0.5;
        h[2][200] = 0.5;
        h[2][HintInputs.SATURATION] = 0.4;
        h[2][HintInputs.FLAG] = 1;
        return h;
    }

    @Test
    void zeroStartedHintsLeaveTheNetworkAsItWas() {
        float[] plain = run(null, k -> false);
        assertArrayEquals(plain, run(noHints(), k -> false), 0f, "no hints at init = the network without hint inputs");
        assertArrayEquals(plain, run(point(20, 20), k -> false), 0f, "at init even a hint changes nothing (new weights are 0)");
        assertArrayEquals(plain, run(global(), k -> false), 0f, "at init a global hint changes nothing");
    }

    @Test
    void trainedLocalHintsActNearThePointAndNoHintBypassesThem() {
        Predicate<String> local = k -> k.startsWith("hints/conv"); // conv1_1 and conv3_3
        float[] plain = run(null, k -> false);
        assertArrayEquals(plain, run(noHints(), local), 0f, "with no hint (mask 0, ab 0) the local path adds nothing");
        float[] hinted = run(point(12, 12), local);
        int grid = S / 4;
        double near = 0;
        double far = 0;
        for (int gy = 0; gy < grid; gy++) {
            for (int gx = 0; gx < grid; gx++) {
                for (int c = 0; c < 5; c++) {
                    int i = (gy * grid + gx) * 5 + c;
                    double d = Math.abs(hinted[i] - plain[i]);
                    if (Math.max(Math.abs(gx - 3), Math.abs(gy - 3)) <= 1) near = Math.max(near, d);
                    if (gx >= 12 && gy >= 12) far = Math.max(far, d);
                }
            }
        }
        assertTrue(near > 1e-3, "the hint changes the logits around it: " + near);
        assertTrue(far < near * 0.2, "far from the hint (outside most of the receptive field) it changes much less: far "
                + far + ", near " + near);
    }

    @Test
    void trainedGlobalHintReachesEveryPixel() {
        Predicate<String> all = k -> true;
        float[] without = run(noHints(), all);
        float[] with = run(global(), all);
        int grid = S / 4;
        int changed = 0;
        for (int p = 0; p < grid * grid; p++) {
            double d = 0;
            for (int c = 0; c < 5; c++) d = Math.max(d, Math.abs(with[p * 5 + c] - without[p * 5 + c]));
            if (d > 1e-5) changed++;
        }
        assertEquals(grid * grid, changed, "a global hint changes the prediction everywhere");
    }
}
