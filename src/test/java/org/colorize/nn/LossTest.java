package org.colorize.nn;

import static org.colorize.nn.GradientChecker.assertOk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;

/** Loss values against plain Java, and their gradients against finite differences (float64). */
class LossTest {

    @Test
    void smoothL1ValueAndGradient() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape s = Shape.of(2, 3, 2, 2);
            var pred = f.placeholder("pred", s);
            var target = f.placeholder("target", s);
            double delta = 0.3;
            var loss = Losses.smoothL1(f.tf, pred, target, delta);
            // differences spread over both regions, |d| < δ and |d| > δ
            double[] pv = f.uniform(s.size(), -1, 1);
            double[] tv = f.uniform(s.size(), -1, 1);
            double want = 0;
            for (int i = 0; i < pv.length; i++) {
                double a = Math.abs(pv[i] - tv[i]);
                want += a < delta ? 0.5 * a * a / delta : a - 0.5 * delta;
            }
            want /= s.size() / 2.0; // sum over the 2 channels, mean over N·H·W
            var c = f.checker(loss).feed(pred, s, pv).feed(target, s, tv);
            assertEquals(want, c.loss(), 1e-12);
            assertOk(c.checkInput(pred));
            assertOk(c.checkInput(target));
        }
    }

    @Test
    void crossEntropyWithRebalancingWeightsValueAndGradient() {
        try (var f = TfFixture.training(TFloat64.class)) {
            int q = 5;
            Shape s = Shape.of(2, 2, 3, q);
            Shape ws = Shape.of(2, 2, 3);
            var logits = f.placeholder("logits", s);
            var target = f.placeholder("target", s);
            var weights = f.placeholder("weights", ws);
            var loss = Losses.crossEntropy(f.tf, logits, target, weights);
            double[] lv = f.randn(s.size(), 2);
            double[] tv = f.uniform(s.size(), 0, 1);
            double[] wv = f.uniform(ws.size(), 0.2, 3);
            int pixels = (int) ws.size();
            double want = 0;
            for (int p = 0; p < pixels; p++) {
                double sum = 0;
                for (int k = 0; k < q; k++) {
                    sum += tv[p * q + k];
                }
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < q; k++) {
                    tv[p * q + k] /= sum; // a distribution per pixel
                    max = Math.max(max, lv[p * q + k]);
                }
                double z = 0;
                for (int k = 0; k < q; k++) {
                    z += Math.exp(lv[p * q + k] - max);
                }
                double ce = 0;
                for (int k = 0; k < q; k++) {
                    ce -= tv[p * q + k] * (lv[p * q + k] - max - Math.log(z));
                }
                want += wv[p] * ce / pixels;
            }
            var c = f.checker(loss).feed(logits, s, lv).feed(target, s, tv).feed(weights, ws, wv);
            assertEquals(want, c.loss(), 1e-12);
            assertOk(c.checkInput(logits));
            assertOk(c.checkInput(weights));
        }
    }

    /** Why crossEntropy reshapes: TF 2.10's LogSoftmax gradient on a rank-4 tensor is wrong. */
    @Test
    void nativeLogSoftmaxOnRank4HasWrongGradient() {
        try (var f = TfFixture.training(TFloat64.class)) {
            Shape s = Shape.of(2, 2, 3, 4);
            var logits = f.placeholder("logits", s);
            var loss = f.projection(f.tf.nn.logSoftmax(logits), s);
            var r = f.checker(loss).feed(logits, s, f.randn(s.size(), 1)).checkInput(logits);
            assertFalse(r.ok(), "LogSoftmax rank-4 gradient is right now: " + r);
        }
    }

    @Test
    void logSoftmaxRefusesRankAboveTwo() {
        try (var f = TfFixture.training(TFloat64.class)) {
            var logits = f.placeholder("logits", Shape.of(1, 2, 2, 3));
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Losses.logSoftmax(f.tf, logits));
        }
    }

}
