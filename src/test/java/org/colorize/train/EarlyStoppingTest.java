package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.colorize.nn.Adam;
import org.colorize.nn.Init;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A stage with held-out pictures keeps the weights that scored best on them: one weight w trained
 * toward 3 while the held-out target is 1, so the held-out loss (w − 1)² falls, then rises again.
 */
class EarlyStoppingTest {
    @Test
    void theWeightsOfTheBestHeldOutScoreAreKept() {
        List<String> log = new ArrayList<>();
        try (StageRunner runner = new StageRunner(Adam.Config.defaults().withLearningRate(0.1), 1, log::add)) {
            StageRunner.StageResult r = runner.run(new TowardThree(), 60, 600);
            double w = Tensors.values(runner.weights().get("w"))[0];
            StageRunner.Validated v = r.validated();
            assertEquals(60, r.steps());
            assertEquals(25, v.baseline(), 1e-5, "the baseline is scored once, on the untrained w = 0");
            assertEquals(1, v.first(), 1e-5, "(0 − 1)² before the first step");
            assertTrue(v.best() < 0.05, "w passed 1 on its way to 3: " + v);
            assertTrue(v.last() > 1, "the last step is far past 1: " + v);
            assertTrue(v.bestStep() > 0 && v.bestStep() < 60 && v.bestStep() % 2 == 0, "scored every 2 steps: " + v);
            assertEquals(v.best(), (w - 1) * (w - 1), 1e-5, "the runner hands on the kept weights, w = " + w);
        }
        assertTrue(log.stream().anyMatch(s -> s.contains("kept step")), log.toString());
    }

    @Test
    void withoutHeldOutPicturesTheLastWeightsAreKept() {
        try (StageRunner runner = new StageRunner(Adam.Config.defaults().withLearningRate(0.1), 1, s -> {})) {
            StageRunner.StageResult r = runner.run(new TowardThree().withoutValidation(), 60, 600);
            assertEquals(null, r.validated());
            assertTrue(Tensors.values(runner.weights().get("w"))[0] > 2, "w went on toward 3");
        }
    }

    private static final class TowardThree implements StageRecipe {
        private boolean validate = true;

        TowardThree withoutValidation() {
            validate = false;
            return this;
        }

        @Override
        public String name() {
            return "toward-three";
        }

        @Override
        public String describe() {
            return "w toward 3";
        }

        @Override
        public ParameterStore.Mode mode() {
            return ParameterStore.Mode.TRAIN;
        }

        @Override
        public Adam.Scope scope() {
            return new Adam.Scope("adam", "w");
        }

        @Override
        public Built build(ParameterStore<TFloat32> store) {
            Ops tf = store.tf();
            Operand<TFloat32> w = store.parameter("w", Shape.scalar(), Init.zeros());
            Placeholder<TFloat32> target = tf.withName("target").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
            Operand<TFloat32> loss = tf.math.square(tf.math.sub(w, target));
            // the baseline: a fixed loss on the same feed, (w − 5)² with w = 0 when it is scored
            Validation validation = new Validation(1, 2, (runner, i) -> feed(runner, target, 1), loss,
                    tf.math.square(tf.math.sub(w, tf.constant(5f))));
            return new Built(loss, (runner, random) -> feed(runner, target, 3), List.of(), java.util.Map.of(), validate ? validation : null);
        }

        private static List<Tensor> feed(org.tensorflow.Session.Runner runner, Placeholder<TFloat32> p, float v) {
            TFloat32 t = TFloat32.scalarOf(v);
            runner.feed(p, t);
            return List.of(t);
        }
    }
}
