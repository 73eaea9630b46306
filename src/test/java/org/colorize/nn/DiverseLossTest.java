package org.colorize.nn;

import static org.colorize.nn.GradientChecker.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;

/**
 * The diverse networks' losses and the code tiling: values against a direct computation, and
 * gradients by finite differences in float64 (as {@link LayerGradientTest} does for the layers).
 */
class DiverseLossTest {

    @Test
    void mixtureNllMatchesTheFormulaAndItsGradientIsRight() {
        try (var f = TfFixture.training(TFloat64.class)) {
            int n = 2, k = 3, d = 4;
            double sigma = 0.7;
            var logits = f.placeholder("logits", Shape.of(n, k));
            var means = f.placeholder("means", Shape.of(n, k, d));
            var target = f.placeholder("target", Shape.of(n, 1, 1, d));
            var loss = Losses.mixtureNll(f.tf, logits, means, target, sigma);
            double[] lg = f.randn(n * k, 1);
            double[] mu = f.randn(n * k * d, 1);
            double[] t = f.randn(n * d, 1);
            double expected = 0;
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) max = Math.max(max, lg[i * k + j]);
                double z = 0;
                for (int j = 0; j < k; j++) z += Math.exp(lg[i * k + j] - max);
                double p = 0;
                for (int j = 0; j < k; j++) {
                    double sq = 0;
                    for (int c = 0; c < d; c++) sq += Math.pow(t[i * d + c] - mu[(i * k + j) * d + c], 2);
                    p += Math.exp(lg[i * k + j] - max) / z * Math.exp(-sq / (2 * sigma * sigma))
                            / Math.pow(Math.sqrt(2 * Math.PI) * sigma, d);
                }
                expected -= Math.log(p) / n;
            }
            f.session.initialize();
            try (Tensor a = Tensors.of(TFloat64.class, Shape.of(n, k), lg); Tensor b = Tensors.of(TFloat64.class, Shape.of(n, k, d), mu);
                    Tensor c = Tensors.of(TFloat64.class, Shape.of(n, 1, 1, d), t);
                    Result r = f.session.runner().feed(logits, a).feed(means, b).feed(target, c).fetch(loss).run()) {
                assertEquals(expected, Tensors.scalar(r.get(0)), 1e-9);
            }
            GradientChecker<TFloat64> g = f.checker(loss).feed(logits, Shape.of(n, k), lg).feed(means, Shape.of(n, k, d), mu)
                    .feed(target, Shape.of(n, 1, 1, d), t);
            assertOk(g.checkInput(logits));
            assertOk(g.checkInput(means));
            assertOk(g.checkInput(target));
        }
    }

    @Test
    void gaussianKlIsZeroAtThePriorAndItsGradientIsRight() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape s = Shape.of(3, 1, 1, 5);
            var mean = f.placeholder("mean", s);
            var logVar = f.placeholder("log_var", s);
            var kl = Losses.gaussianKl(f.tf, mean, logVar);
            f.session.initialize();
            try (Tensor zero = Tensors.of(TFloat64.class, s, new double[15]);
                    Result r = f.session.runner().feed(mean, zero).feed(logVar, zero).fetch(kl).run()) {
                assertEquals(0, Tensors.scalar(r.get(0)), 1e-12);
            }
            GradientChecker<TFloat64> g = f.checker(kl).feed(mean, s, f.randn(15, 1)).feed(logVar, s, f.randn(15, 0.5));
            assertOk(g.checkInput(mean));
            assertOk(g.checkInput(logVar));
        }
    }

    @Test
    void closestSampleCountsPerImage() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape s = Shape.of(2, 1, 1, 1);
            var target = f.placeholder("target", s);
            var a = f.placeholder("a", s);
            var b = f.placeholder("b", s);
            var c = f.placeholder("c", s);
            var loss = Losses.l1Closest(f.tf, java.util.List.of(a, b, c), target);
            f.session.initialize();
            // image 0: errors 3, 1, 2 → 1; image 1: errors 0.5, 4, 0.25 → 0.25; mean 0.625
            try (Tensor t = Tensors.of(TFloat64.class, s, new double[] {0, 0}); Tensor ta = Tensors.of(TFloat64.class, s, new double[] {3, 0.5});
                    Tensor tb = Tensors.of(TFloat64.class, s, new double[] {-1, 4}); Tensor tc = Tensors.of(TFloat64.class, s, new double[] {2, -0.25});
                    Result r = f.session.runner().feed(target, t).feed(a, ta).feed(b, tb).feed(c, tc).fetch(loss).run()) {
                assertEquals(0.625, Tensors.scalar(r.get(0)), 1e-12);
            }
        }
    }

    @Test
    void relaxedClosestMixesInEverySample() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape s = Shape.of(2, 1, 1, 1);
            var target = f.placeholder("target", s);
            var a = f.placeholder("a", s);
            var b = f.placeholder("b", s);
            var relaxed = Losses.l1RelaxedClosest(f.tf, java.util.List.of(a, b), target, 0.25);
            var plain = Losses.l1RelaxedClosest(f.tf, java.util.List.of(a, b), target, 0);
            f.session.initialize();
            // errors: image 0 (3, 1), image 1 (0.5, 4): closest mean (1 + 0.5)/2 = 0.75; all mean (3 + 1 + 0.5 + 4)/4 = 2.125
            try (Tensor t = Tensors.of(TFloat64.class, s, new double[] {0, 0}); Tensor ta = Tensors.of(TFloat64.class, s, new double[] {3, 0.5});
                    Tensor tb = Tensors.of(TFloat64.class, s, new double[] {-1, 4});
                    Result r = f.session.runner().feed(target, t).feed(a, ta).feed(b, tb).fetch(relaxed).fetch(plain).run()) {
                assertEquals(0.75 * 0.75 + 0.25 * 2.125, Tensors.scalar(r.get(0)), 1e-12);
                assertEquals(0.75, Tensors.scalar(r.get(1)), 1e-12);
            }
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Losses.l1RelaxedClosest(null,
                java.util.List.of(), null, 1.0));
    }

    @Test
    void modeSeekingAndHingeGradients() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape s = Shape.of(2, 3, 3, 2);
            Shape z = Shape.of(2, 1, 1, 4);
            var o1 = f.placeholder("o1", s);
            var o2 = f.placeholder("o2", s);
            var z1 = f.placeholder("z1", z);
            var z2 = f.placeholder("z2", z);
            var ms = Losses.modeSeeking(f.tf, o1, o2, z1, z2);
            var hinge = f.tf.math.add(Losses.hingeCritic(f.tf, o1, o2), Losses.hingeGenerator(f.tf, o2));
            var total = f.tf.math.add(ms, hinge);
            GradientChecker<TFloat64> g = f.checker(total).feed(o1, s, f.randn(36, 1)).feed(o2, s, f.randn(36, 1))
                    .feed(z1, z, f.randn(8, 1)).feed(z2, z, f.randn(8, 1));
            assertOk(g.checkInput(o1));
            assertOk(g.checkInput(o2));
            assertOk(g.checkInput(z1));
        }
    }

    @Test
    void tiledCodeGradient() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape v = Shape.of(2, 1, 1, 3);
            Shape like = Shape.of(2, 5, 4, 1);
            var code = f.placeholder("code", v);
            var grid = f.placeholder("grid", like);
            var tiled = Spatial.tileOver(f.tf, code, grid);
            assertEquals(3, tiled.shape().size(3), "the channel count stays static");
            var loss = f.projection(f.tf.math.mul(tiled, grid), Shape.of(2, 5, 4, 3));
            GradientChecker<TFloat64> g = f.checker(loss).feed(code, v, f.randn(6, 1)).feed(grid, like, f.randn(40, 1));
            assertOk(g.checkInput(code));
        }
    }
}
