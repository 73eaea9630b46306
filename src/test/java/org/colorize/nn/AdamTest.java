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

    /** A generator and a discriminator on one store: two optimizers, disjoint scopes, coupled losses. */
    private record TwoPlayers(TfFixture<TFloat64> f, Adam.TrainStep<TFloat64> gen, Adam.TrainStep<TFloat64> disc) {
        static TwoPlayers build() {
            var f = TfFixture.training(TFloat64.class);
            var g = f.store.parameter("gen/w", Shape.of(2), Init.constant(0.5));
            var d = f.store.parameter("disc/w", Shape.of(2), Init.constant(-0.25));
            var axis = f.tf.constant(0);
            // each loss depends on both players' variables: only the scope decides who moves
            var lossG = f.tf.reduceSum(f.tf.math.square(f.tf.math.sub(f.tf.math.sub(g, d), f.tf.constant(new double[] {1, 2}))), axis);
            var lossD = f.tf.reduceSum(f.tf.math.square(f.tf.math.add(d, g)), axis);
            var cfg = new Adam.Config(0.1, 0.8, 0.9, 1e-3);
            var gen = Adam.minimize(f.store, lossG, cfg, new Adam.Scope("adam_g", "gen/"));
            var disc = Adam.minimize(f.store, lossD, cfg, new Adam.Scope("adam_d", "disc/"));
            f.session.initialize();
            return new TwoPlayers(f, gen, disc);
        }

        double[] value(String name) {
            try (Result r = f.session.runner().fetch(name).run()) {
                return Tensors.values(r.get(0));
            }
        }

        void step(Adam.TrainStep<TFloat64> s) {
            f.session.runner().addTarget(s.op()).run().close();
        }

        Map<String, double[]> all() {
            Map<String, double[]> out = new java.util.TreeMap<>();
            for (String n : f.store.entries().keySet()) out.put(n, value(n));
            return out;
        }
    }

    @Test
    void twoScopedOptimizersOnOneStoreEachUpdateOnlyTheirOwnVariables() {
        TwoPlayers p = TwoPlayers.build();
        try (var fixture = p.f()) {
            assertEquals(java.util.Set.of("gen/w", "disc/w", "adam_g/beta1_power", "adam_g/beta2_power", "adam_g/m/gen/w",
                    "adam_g/v/gen/w", "adam_d/beta1_power", "adam_d/beta2_power", "adam_d/m/disc/w", "adam_d/v/disc/w"),
                    p.f().store.entries().keySet());
            assertEquals(java.util.Set.of("gen/w"), p.gen().gradients().keySet());
            double[] g0 = p.value("gen/w");
            double[] d0 = p.value("disc/w");
            p.step(p.gen());
            double[] g1 = p.value("gen/w");
            assertTrue(g1[0] != g0[0] && g1[1] != g0[1], "the generator's step moves the generator");
            assertArrayEquals(d0, p.value("disc/w"), 0, "the generator's step leaves the discriminator alone");
            assertEquals(0.8 * 0.8, p.value("adam_g/beta1_power")[0], 1e-12);
            assertEquals(0.8, p.value("adam_d/beta1_power")[0], 1e-12, "the discriminator's Adam did not step");
            p.step(p.disc());
            assertArrayEquals(g1, p.value("gen/w"), 0, "the discriminator's step leaves the generator alone");
            double[] d1 = p.value("disc/w");
            assertTrue(d1[0] != d0[0] && d1[1] != d0[1], "the discriminator's step moves the discriminator");
        }
    }

    @Test
    void aCheckpointOfTwoOptimizersRestoresBothAndTheRunContinuesIdentically() {
        TwoPlayers a = TwoPlayers.build();
        TwoPlayers b = TwoPlayers.build();
        try (var fa = a.f(); var fb = b.f()) {
            for (int i = 0; i < 3; i++) {
                a.step(a.gen());
                a.step(a.disc());
            }
            Map<String, Tensor> saved = a.f().store.read(a.f().session, java.util.EnumSet.allOf(ParameterStore.Kind.class));
            try {
                b.f().store.load(b.f().session, saved, true);
            } finally {
                saved.values().forEach(Tensor::close);
            }
            Map<String, double[]> restored = b.all();
            Map<String, double[]> original = a.all();
            assertEquals(original.keySet(), restored.keySet());
            original.forEach((n, v) -> assertArrayEquals(v, restored.get(n), 0, n));
            for (int i = 0; i < 2; i++) {
                a.step(a.gen());
                a.step(a.disc());
                b.step(b.gen());
                b.step(b.disc());
            }
            Map<String, double[]> after = b.all();
            a.all().forEach((n, v) -> assertArrayEquals(v, after.get(n), 0, n + " after resuming"));
        }
    }
}
