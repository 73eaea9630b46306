package org.colorize.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The semantic network: residual fusions start as the plain U-Net, and every feature input reaches the output. */
class SemanticFusionTest {
    private static final Siggraph17Config CFG = Siggraph17Config.distribution(1.0 / 16, 1, 5);
    private static final Shape L = Shape.of(2, 32, 32, 1);
    private static final Shape S8 = Shape.of(2, 8, 8, SemanticFusion.S8_CHANNELS);
    private static final Shape S16 = Shape.of(2, 4, 4, SemanticFusion.S16_CHANNELS);

    private static float[] run(SemanticFusion.Mode mode, double[] l, double[] s8, double[] s16, boolean perturbFusion) {
        try (var f = new TfFixture<>(TFloat32.class, ParameterStore.Mode.INFERENCE)) {
            Placeholder<TFloat32> pl = f.placeholder("l", L);
            Placeholder<TFloat32> p8 = f.placeholder("s8", S8);
            Placeholder<TFloat32> p16 = f.placeholder("s16", S16);
            var out = mode == SemanticFusion.Mode.NONE ? Siggraph17Net.build(f.store, pl, CFG)
                    : SemanticSiggraph17Net.build(f.store, pl, p8, p16, CFG, mode);
            f.session.initialize();
            if (perturbFusion) {
                // give the zero-initialized projections values, as training would
                var map = new java.util.LinkedHashMap<String, Tensor>();
                f.store.entries().forEach((k, e) -> {
                    if (k.startsWith("semantic/") && k.endsWith("/weight") && !k.contains("global_fc")) {
                        map.put(k, Tensors.of(TFloat32.class, e.shape(), f.randn(e.shape().size(), 0.05)));
                    }
                });
                f.store.load(f.session, map, false);
                map.values().forEach(Tensor::close);
            }
            try (Tensor tl = Tensors.of(TFloat32.class, L, l); Tensor t8 = Tensors.of(TFloat32.class, S8, s8);
                    Tensor t16 = Tensors.of(TFloat32.class, S16, s16)) {
                var r = f.session.runner().feed(pl, tl);
                if (mode != SemanticFusion.Mode.NONE) r.feed(p16, t16);
                if (mode.hypercolumns()) r.feed(p8, t8);
                try (Result res = r.fetch(out.logits()).run()) {
                    double[] v = Tensors.values(res.get(0));
                    float[] out32 = new float[v.length];
                    for (int i = 0; i < v.length; i++) out32[i] = (float) v[i];
                    return out32;
                }
            }
        }
    }

    @Test
    void startsAsThePlainNetworkAndThenUsesTheFeatures() {
        double[] l = TfFixture.seededUniform(L.size(), 1, 100);
        double[] s8 = TfFixture.seededUniform(S8.size(), 2, 5);
        double[] s16 = TfFixture.seededUniform(S16.size(), 3, 5);
        float[] plain = run(SemanticFusion.Mode.NONE, l, s8, s16, false);
        for (SemanticFusion.Mode m : List.of(SemanticFusion.Mode.GLOBAL, SemanticFusion.Mode.HYPERCOLUMNS, SemanticFusion.Mode.BOTH)) {
            assertArrayEquals(plain, run(m, l, s8, s16, false), 1e-6f, m + " at init must equal the plain network");
        }
        float[] trained = run(SemanticFusion.Mode.BOTH, l, s8, s16, true);
        assertNotEquals(0, maxDiff(plain, trained), "trained fusion weights change the output");
        assertTrue(maxDiff(trained, run(SemanticFusion.Mode.BOTH, l, s8, TfFixture.seededUniform(S16.size(), 4, 5), true)) > 1e-4,
                "other s16 features give another output");
        assertTrue(maxDiff(trained, run(SemanticFusion.Mode.BOTH, l, TfFixture.seededUniform(S8.size(), 5, 5), s16, true)) > 1e-4,
                "the hypercolumns read the s8 features");
    }

    @Test
    void modesNameTheirInputs() {
        assertEquals(List.of(), SemanticFusion.Mode.NONE.inputs());
        assertEquals(List.of(SemanticFusion.S16), SemanticFusion.Mode.GLOBAL.inputs());
        assertEquals(List.of(SemanticFusion.S8, SemanticFusion.S16), SemanticFusion.Mode.BOTH.inputs());
        assertEquals(SemanticFusion.Mode.HYPERCOLUMNS, SemanticFusion.Mode.parse(" Hypercolumns "));
        assertThrows(IllegalArgumentException.class, () -> SemanticFusion.Mode.parse("all"));
    }

    private static double maxDiff(float[] a, float[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }
}
