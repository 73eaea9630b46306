package org.colorize.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat64;

/** Adam's update against the formula, run through the train step. */
class AdamTest {

    @Test
    void stepsFollowAdamWithEpsilonHat() {
        try (var f = TfFixture.training(TFloat64.class)) {
            var w = f.store.parameter("w", Shape.of(3), Init.zeros());
            double[] target = {1, -2, 0.5};
            var t = f.tf.constant(target);
            // loss = Σ (w − t)², gradient 2(w − t)
            var loss = f.tf.reduceSum(f.tf.math.square(f.tf.math.sub(w, t)), f.tf.constant(0));
            var cfg = new Adam.Config(0.1, 0.8, 0.9, 1e-3);
            var step = Adam.minimize(f.store, loss, cfg);
            f.session.initialize();
            double[] wv = new double[3];
            double[] m = new double[3];
            double[] v = new double[3];
            double lossBefore = Double.NaN;
            double firstLoss = Double.NaN;
            for (int it = 1; it <= 3; it++) {
                try (Result r = f.session.runner().addTarget(step.op()).fetch(step.loss()).run()) {
                    lossBefore = Tensors.scalar(r.get(0));
                }
                if (it == 1) {
                    firstLoss = lossBefore;
                }
                double lrT = cfg.learningRate() * Math.sqrt(1 - Math.pow(cfg.beta2(), it)) / (1 - Math.pow(cfg.beta1(), it));
                for (int i = 0; i < 3; i++) {
                    double g = 2 * (wv[i] - target[i]);
                    m[i] = cfg.beta1() * m[i] + (1 - cfg.beta1()) * g;
                    v[i] = cfg.beta2() * v[i] + (1 - cfg.beta2()) * g * g;
                    wv[i] -= lrT * m[i] / (Math.sqrt(v[i]) + cfg.epsilon());
                }
                try (Result r = f.session.runner().fetch(w).run()) {
                    assertArrayEquals(wv, Tensors.values(r.get(0)), 1e-12, "step " + it);
                }
            }
            assertTrue(lossBefore < firstLoss);
            try (Result r = f.session.runner().fetch("adam/beta1_power").run()) {
                assertEquals(Math.pow(0.8, 4), Tensors.scalar(r.get(0)), 1e-12);
            }
        }
    }

    @Test
    void learningRateCanBeFed() {
        try (var f = TfFixture.training(TFloat64.class)) {
            var w = f.store.parameter("w", Shape.of(1), Init.zeros());
            var loss = f.tf.reduceSum(f.tf.math.square(f.tf.math.sub(w, f.tf.constant(new double[] {1}))), f.tf.constant(0));
            var step = Adam.minimize(f.store, loss, Adam.Config.defaults());
            f.session.initialize();
            try (Tensor lr = TFloat64.scalarOf(0.5)) {
                f.session.runner().addTarget(step.op()).feed(step.learningRate(), lr).run().close();
            }
            // first Adam step moves each weight by lr (m/√v = sign of the gradient)
            try (Result r = f.session.runner().fetch(w).run()) {
                assertEquals(0.5, Tensors.scalar(r.get(0)), 1e-6);
            }
            assertTrue(f.store.read(f.session, ParameterStore.MODEL).keySet().equals(java.util.Set.of("w")));
            Map<String, Tensor> all = f.store.read(f.session, java.util.EnumSet.allOf(ParameterStore.Kind.class));
            assertTrue(all.keySet().containsAll(java.util.List.of("adam/m/w", "adam/v/w", "adam/beta1_power")));
            all.values().forEach(Tensor::close);
        }
    }
}
