package org.colorize.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Variable naming, seeding, copying by name, views. */
class ParameterStoreTest {

    private static double[] value(TfFixture<?> f, String name) {
        f.session.initialize();
        try (Result r = f.session.runner().fetch(name).run()) {
            return Tensors.values(r.get(0));
        }
    }

    @Test
    void variablesCarryTheirHierarchicalNames() {
        try (var f = TfFixture.training(TFloat32.class)) {
            var x = f.placeholder("x", Shape.of(-1, -1, -1, 3));
            var y = Conv2d.apply(f.store, "conv1_2", x, Conv2d.Spec.of(4, 3));
            BatchNorm.apply(f.store, "conv1_norm", y);
            assertEquals(java.util.List.of("conv1_2/weight", "conv1_2/bias", "conv1_norm/gamma", "conv1_norm/beta",
                    "conv1_norm/moving_mean", "conv1_norm/moving_variance"), java.util.List.copyOf(f.store.entries().keySet()));
            for (String n : f.store.entries().keySet()) {
                assertNotNull(f.graph.operation(n), n);
                assertEquals("VariableV2", f.graph.operation(n).type());
            }
            assertEquals(3 * 3 * 3 * 4 + 4 + 4 + 4, f.store.parameterCount());
            assertThrows(IllegalArgumentException.class, () -> Conv2d.apply(f.store, "conv1_2", x, Conv2d.Spec.of(4, 3)));
        }
    }

    @Test
    void heNormalIsSeededPerNameAndHasTheRightSpread() {
        double[] a;
        double[] b;
        double[] c;
        try (var f = TfFixture.training(TFloat64.class)) {
            f.store.parameter("other", Shape.of(5), Init.heNormal(1)); // build order must not matter
            f.store.parameter("w", Shape.of(40, 50, 10), Init.heNormal(50));
            a = value(f, "w");
        }
        try (var f = TfFixture.training(TFloat64.class)) {
            f.store.parameter("w", Shape.of(40, 50, 10), Init.heNormal(50));
            b = value(f, "w");
        }
        try (var f = new TfFixture<>(TFloat64.class, ParameterStore.Mode.TRAIN)) {
            var s = ParameterStore.create(f.graph, TFloat64.class, ParameterStore.Mode.TRAIN, 99);
            s.parameter("w", Shape.of(40, 50, 10), Init.heNormal(50));
            c = value(f, "w");
        }
        assertArrayEquals(a, b, 0);
        assertEquals(false, java.util.Arrays.equals(a, c));
        double sq = 0;
        for (double v : a) {
            sq += v * v;
        }
        assertEquals(Math.sqrt(2.0 / 50), Math.sqrt(sq / a.length), 0.01 * Math.sqrt(2.0 / 50) * 3);
    }

    @Test
    void weightsCopyByNameIntoAnotherGraph() {
        try (var train = TfFixture.training(TFloat32.class);
                var infer = new TfFixture<>(TFloat32.class, ParameterStore.Mode.INFERENCE)) {
            var x1 = train.placeholder("x", Shape.of(-1, -1, -1, 2));
            BatchNorm.apply(train.store, "bn", Conv2d.apply(train.store, "c", x1, Conv2d.Spec.of(3, 3)));
            train.store.optimizerSlot("adam/m/c/weight", Shape.of(3, 3, 2, 3), Init.zeros());
            try (Tensor w = Tensors.of(TFloat32.class, Shape.of(3, 3, 2, 3), train.randn(54, 1));
                    Tensor mm = Tensors.of(TFloat32.class, Shape.of(3), new double[] {1, 2, 3})) {
                train.store.load(train.session, Map.of("c/weight", w, "bn/moving_mean", mm), false);
            }
            var x2 = infer.placeholder("x", Shape.of(-1, -1, -1, 2));
            BatchNorm.apply(infer.store, "bn", Conv2d.apply(infer.store, "c", x2, Conv2d.Spec.of(3, 3)));
            infer.store.copyFrom(train.session, infer.session);
            for (String n : infer.store.variables(ParameterStore.MODEL).keySet()) {
                assertArrayEquals(value(train, n), value(infer, n), 0, n);
            }
            assertEquals(null, infer.graph.operation("adam/m/c/weight"));
            assertThrows(IllegalArgumentException.class,
                    () -> train.store.state("c/weight/extra", Shape.of(1), Init.zeros()));
        }
    }

    /** Session.save writes one checkpoint entry per variable name; an inference graph restores its subset. */
    @Test
    void checkpointOfTrainingGraphRestoresIntoInferenceGraph(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        try (var train = TfFixture.training(TFloat32.class);
                var infer = new TfFixture<>(TFloat32.class, ParameterStore.Mode.INFERENCE)) {
            var x1 = train.placeholder("x", Shape.of(-1, -1, -1, 2));
            var loss = train.tf.math.mean(BatchNorm.apply(train.store, "bn", Conv2d.apply(train.store, "c", x1,
                    Conv2d.Spec.of(3, 3))), train.tf.constant(new int[] {0, 1, 2, 3}));
            Adam.minimize(train.store, loss, Adam.Config.defaults());
            train.session.initialize();
            String prefix = tmp.resolve("ckpt").toString();
            train.session.save(prefix);
            var x2 = infer.placeholder("x", Shape.of(-1, -1, -1, 2));
            BatchNorm.apply(infer.store, "bn", Conv2d.apply(infer.store, "c", x2, Conv2d.Spec.of(3, 3)));
            infer.session.restore(prefix);
            for (String n : infer.store.variables(ParameterStore.MODEL).keySet()) {
                assertArrayEquals(value(train, n), value(infer, n), 0, n);
            }
        }
    }

    @Test
    void viewsReuseVariablesAndRefuseNewOnes() {
        try (var f = TfFixture.training(TFloat32.class)) {
            var x = f.placeholder("x", Shape.of(-1, -1, -1, 2));
            Conv2d.apply(f.store, "c", x, Conv2d.Spec.of(3, 3));
            int before = f.store.entries().size();
            var view = f.store.view(ParameterStore.Mode.INFERENCE, "eval");
            Conv2d.apply(view, "c", x, Conv2d.Spec.of(3, 3));
            assertEquals(before, f.store.entries().size());
            assertNotNull(f.graph.operation("eval/c/Conv2d"));
            assertThrows(IllegalStateException.class, () -> Conv2d.apply(view, "d", x, Conv2d.Spec.of(3, 3)));
            assertThrows(IllegalStateException.class, () -> Conv2d.apply(view, "c", x, Conv2d.Spec.of(5, 3)));
        }
    }
}
