package org.colorize.nn;

import static org.colorize.nn.GradientChecker.assertOk;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Finite-difference checks (float64, central differences, h = 1e-6, |a − n| ≤ 1e-8 + 1e-5·max(|a|, |n|))
 * of every layer the networks use, w.r.t. inputs and variables. Inputs have odd sizes where the
 * layer's padding or cropping depends on parity.
 */
class LayerGradientTest {

    private static void checkAll(TfFixture<TFloat64> f, Operand<TFloat64> loss, Placeholder<TFloat64> x, Shape xShape,
            String... variables) {
        GradientChecker<TFloat64> c = f.checker(loss).feed(x, xShape, f.randn(xShape.size(), 1));
        assertOk(c.checkInput(x));
        for (String v : variables) {
            assertOk(c.checkVariable(v));
        }
    }

    @Test
    void conv3x3StrideOne() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(2, 5, 6, 3);
            var x = f.placeholder("x", in);
            var y = Conv2d.apply(f.store, "c", x, Conv2d.Spec.of(4, 3));
            checkAll(f, f.projection(y, Shape.of(2, 5, 6, 4)), x, in, "c/weight", "c/bias");
        }
    }

    @Test
    void conv3x3StrideTwoExplicitPadding() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(2, 7, 6, 2);
            var x = f.placeholder("x", in);
            var y = Conv2d.apply(f.store, "c", x, Conv2d.Spec.of(3, 3).withStride(2));
            checkAll(f, f.projection(y, Shape.of(2, 4, 3, 3)), x, in, "c/weight", "c/bias");
        }
    }

    @Test
    void conv1x1() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(2, 3, 4, 5);
            var x = f.placeholder("x", in);
            var y = Conv2d.apply(f.store, "c", x, Conv2d.Spec.of(2, 1));
            checkAll(f, f.projection(y, Shape.of(2, 3, 4, 2)), x, in, "c/weight", "c/bias");
        }
    }

    @Test
    void dilatedConvViaSpaceToBatch() {
        for (Shape in : List.of(Shape.of(2, 5, 6, 2), Shape.of(1, 4, 7, 2))) {
            try (var f = TfFixture.training(TFloat64.class)) {
                var x = f.placeholder("x", in);
                var y = Conv2d.apply(f.store, "c", x, Conv2d.Spec.of(3, 3).withDilation(2));
                checkAll(f, f.projection(y, Shape.of(in.size(0), in.size(1), in.size(2), 3)), x, in, "c/weight", "c/bias");
            }
        }
    }

    /**
     * The bug the SpaceToBatch form avoids: the gradient TF 2.10 builds for a Conv2D with
     * dilations ignores the dilation (with VALID padding it fails on shapes; with SAME it is
     * silently wrong). Also shows that the checker fails on a wrong gradient.
     */
    @Test
    void nativeDilatedConvGradientIsSilentlyWrong() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(1, 6, 6, 2);
            var x = f.placeholder("x", in);
            var w = f.store.parameter("w", Shape.of(3, 3, 2, 2), Init.heNormal(18));
            var y = f.tf.nn.conv2d(x, w, List.of(1L, 1L, 1L, 1L), "SAME",
                    org.tensorflow.op.nn.Conv2d.dilations(List.of(1L, 2L, 2L, 1L)));
            var c = f.checker(f.projection(y, Shape.of(1, 6, 6, 2))).feed(x, in, f.randn(in.size(), 1));
            var input = c.checkInput(x);
            var filter = c.checkVariable("w");
            assertFalse(input.ok(), "TF's dilated Conv2D input gradient is right now: " + input);
            assertFalse(filter.ok(), "TF's dilated Conv2D filter gradient is right now: " + filter);
        }
    }

    @Test
    void transposedConv() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(2, 3, 4, 3);
            var x = f.placeholder("x", in);
            var y = TransposedConv2d.apply(f.store, "t", x, 2);
            checkAll(f, f.projection(y, Shape.of(2, 6, 8, 2)), x, in, "t/weight", "t/bias");
        }
    }

    @Test
    void batchNormTrainMode() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(3, 3, 2, 4);
            var x = f.placeholder("x", in);
            var y = BatchNorm.apply(f.store, "bn", x);
            // non-trivial gamma/beta so their gradients are not the identity's
            var loss = f.projection(f.tf.math.mul(y, y), in);
            GradientChecker<TFloat64> c = f.checker(loss).feed(x, in, f.randn(in.size(), 2));
            assertOk(c.checkInput(x));
            assertOk(c.checkVariable("bn/gamma"));
            assertOk(c.checkVariable("bn/beta"));
        }
    }

    @Test
    void batchNormInferenceMode() {
        try (var f = new TfFixture<>(TFloat64.class, ParameterStore.Mode.INFERENCE)) {
            Shape in = Shape.of(2, 3, 2, 3);
            var x = f.placeholder("x", in);
            var y = BatchNorm.apply(f.store, "bn", x);
            checkAll(f, f.projection(y, in), x, in, "bn/gamma", "bn/beta");
        }
    }

    @Test
    void instanceNorm() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(2, 3, 3, 2);
            var x = f.placeholder("x", in);
            var y = InstanceNorm.apply(f.store, "in", x, true);
            checkAll(f, f.projection(f.tf.math.mul(y, y), in), x, in, "in/gamma", "in/beta");
        }
    }

    /**
     * ResizeBilinear computes in float32 only, so this runs in float32; resize is linear in x, so a
     * large step (h = 0.5) has no truncation error and the tolerance can stay tight (1e-4).
     */
    @Test
    void resizeBilinear() {
        for (int[] size : new int[][] {{6, 8}, {2, 5}}) {
            try (var f = TfFixture.training(TFloat32.class)) {
                Shape in = Shape.of(2, 3, 4, 2);
                var x = f.placeholder("x", in);
                var y = Spatial.resizeBilinear(f.tf, x, f.tf.constant(size));
                var c = f.checker(f.projection(y, Shape.of(2, size[0], size[1], 2))).feed(x, in, f.randn(in.size(), 1))
                        .tolerance(0.5, 1e-4, 1e-5);
                assertOk(c.checkInput(x));
            }
        }
    }

    @Test
    void concat() {
        try (var f = TfFixture.training(TFloat64.class)) {
            var a = f.placeholder("a", Shape.of(1, 2, 3, 2));
            var b = f.placeholder("b", Shape.of(1, 2, 3, 3));
            var y = Spatial.concat(f.tf, List.of(a, b));
            var c = f.checker(f.projection(f.tf.math.square(y), Shape.of(1, 2, 3, 5)))
                    .feed(a, Shape.of(1, 2, 3, 2), f.randn(12, 1)).feed(b, Shape.of(1, 2, 3, 3), f.randn(18, 1));
            assertOk(c.checkInput(a));
            assertOk(c.checkInput(b));
        }
    }

    @Test
    void subsampleEverySecondPixel() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(2, 5, 4, 2);
            var x = f.placeholder("x", in);
            var y = Spatial.subsample2(f.tf, x);
            checkAll(f, f.projection(y, Shape.of(2, 3, 2, 2)), x, in);
        }
    }

    @Test
    void pad() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape in = Shape.of(1, 3, 2, 2);
            var x = f.placeholder("x", in);
            var y = Spatial.pad(f.tf, x, 2);
            checkAll(f, f.projection(y, Shape.of(1, 7, 6, 2)), x, in);
        }
    }

    @Test
    void activations() {
        Shape in = Shape.of(2, 3, 3, 2);
        for (String name : List.of("relu", "leaky", "tanh", "sigmoid")) {
            try (var f = TfFixture.training(TFloat64.class)) {
                var x = f.placeholder("x", in);
                Operand<TFloat64> y = switch (name) {
                    case "relu" -> Activations.relu(f.tf, x);
                    case "leaky" -> Activations.leakyRelu(f.tf, x, 0.2);
                    case "tanh" -> Activations.tanh(f.tf, x);
                    default -> Activations.sigmoid(f.tf, x);
                };
                double[] v = f.randn(in.size(), 1);
                for (int i = 0; i < v.length; i++) {
                    v[i] += Math.signum(v[i]) * 0.05; // keep away from the kink at 0
                }
                var c = f.checker(f.projection(y, in)).feed(x, in, v);
                assertOk(c.checkInput(x));
            }
        }
    }
}
