package org.colorize.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TFloating;

/**
 * Adam (Kingma &amp; Ba 2015) through TF's ApplyAdam. An optimizer has a {@link Scope}: its name
 * (slots {@code NAME/m/VAR}, {@code NAME/v/VAR}, {@code NAME/beta1_power}, {@code NAME/beta2_power})
 * and the variable prefix it trains, so several optimizers (a generator's and a discriminator's, or
 * one per training stage) share one {@link ParameterStore} and each updates only its own variables.
 * The default scope {@link Scope#ALL} is named {@code adam} and trains every parameter. ApplyAdam
 * uses TF's "epsilon hat" form: lr_t = lr·√(1−β2ᵗ)/(1−β1ᵗ), var −= lr_t·m/(√v + ε).
 */
public final class Adam {

    /**
     * Hyper-parameters.
     *
     * @param learningRate the default step size; the train step's {@code learning_rate} input can override it per run
     */
    public record Config(double learningRate, double beta1, double beta2, double epsilon) {
        /** lr 1e-4, β 0.9/0.999, ε 1e-8: what InstColorization trains with (lr from its options, Adam defaults). */
        public static Config defaults() {
            return new Config(1e-4, 0.9, 0.999, 1e-8);
        }

        public Config withLearningRate(double lr) {
            return new Config(lr, beta1, beta2, epsilon);
        }
    }

    /**
     * Which variables an optimizer trains and where its slots live.
     *
     * @param name           the slots' name prefix (and the name scope of the optimizer's ops)
     * @param variablePrefix the parameters trained: those whose name starts with it ("" for all)
     */
    public record Scope(String name, String variablePrefix) {
        /** Every parameter of the store, slots under {@code adam/}. */
        public static final Scope ALL = new Scope("adam", "");

        public Scope {
            if (name == null || name.isEmpty() || name.contains("/")) {
                throw new IllegalArgumentException("an optimizer name is one non-empty path element, was '" + name + "'");
            }
            if (variablePrefix == null) throw new IllegalArgumentException("no variable prefix");
        }

        /** The slot of {@code leaf} (e.g. {@code beta1_power}, {@code m/conv1_1/weight}). */
        public String slot(String leaf) {
            return name + "/" + leaf;
        }
    }

    /**
     * What one training step runs.
     *
     * @param op run it as a target: updates the scope's parameters, their moving statistics and the beta powers
     * @param loss the loss the step minimizes (fetch it in the same run to get the pre-update loss)
     * @param learningRate scalar input, defaults to the configured rate; feed it to follow a schedule
     * @param gradients gradient of the loss per trainable variable, by name
     */
    public record TrainStep<T extends TFloating>(Op op, Operand<T> loss, PlaceholderWithDefault<T> learningRate,
            Map<String, Output<T>> gradients) {}

    private Adam() {}

    /**
     * Builds the step minimizing {@code loss} over all parameters of {@code store} ({@link Scope#ALL}).
     * Build the whole network first: the step runs the update ops (batch norm moving averages)
     * registered so far.
     */
    public static <T extends TFloating> TrainStep<T> minimize(ParameterStore<T> store, Operand<T> loss, Config cfg) {
        return minimize(store, loss, cfg, Scope.ALL);
    }

    /**
     * Builds the step minimizing {@code loss} over the parameters of {@code scope} (e.g. only the
     * fusion weights, or only the discriminator's); the step runs the update ops registered so far
     * under the same prefix, and its slots are named by the scope.
     */
    public static <T extends TFloating> TrainStep<T> minimize(ParameterStore<T> store, Operand<T> loss, Config cfg,
            Scope scope) {
        Map<String, Variable<T>> trainable = store.parameters(scope.variablePrefix());
        if (trainable.isEmpty()) {
            throw new IllegalArgumentException("nothing to train under '" + scope.variablePrefix() + "'");
        }
        Ops tf = store.tf(scope.name());
        Class<T> type = store.dtype();
        List<String> names = new ArrayList<>(trainable.keySet());
        List<Operand<?>> vars = new ArrayList<>(trainable.values());
        Gradients grads = tf.gradients(loss, vars);
        List<Operation> gradOps = new ArrayList<>();
        Map<String, Output<T>> byName = new java.util.LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Output<T> g = grads.dy(i);
            if (g == null) {
                throw new IllegalStateException("loss does not depend on " + names.get(i));
            }
            gradOps.add(g.op());
            byName.put(names.get(i), g);
        }
        PlaceholderWithDefault<T> lr = tf.withName("learning_rate").placeholderWithDefault(tf.constant(type, cfg.learningRate()),
                Shape.scalar());
        Variable<T> beta1Power = store.optimizerSlot(scope.slot("beta1_power"), Shape.scalar(), Init.constant(cfg.beta1()));
        Variable<T> beta2Power = store.optimizerSlot(scope.slot("beta2_power"), Shape.scalar(), Init.constant(cfg.beta2()));
        Operand<T> b1 = tf.constant(type, cfg.beta1());
        Operand<T> b2 = tf.constant(type, cfg.beta2());
        Operand<T> eps = tf.constant(type, cfg.epsilon());
        // Every update waits for every gradient: a variable updated in place while another layer's
        // backward pass still reads it would mix old and new weights in one step.
        Ops gated = tf.withControlDependencyOps(gradOps);
        List<Op> applied = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Variable<T> v = trainable.get(names.get(i));
            Shape shape = store.entries().get(names.get(i)).shape();
            Variable<T> m = store.optimizerSlot(scope.slot("m/" + names.get(i)), shape, Init.zeros());
            Variable<T> s = store.optimizerSlot(scope.slot("v/" + names.get(i)), shape, Init.zeros());
            applied.add(gated.train.applyAdam(v, m, s, beta1Power, beta2Power, lr, b1, b2, eps, byName.get(names.get(i))));
        }
        Ops afterApply = tf.withControlDependencies(applied);
        List<Op> all = new ArrayList<>(applied);
        all.add(afterApply.assign(beta1Power, afterApply.math.mul(beta1Power, b1)));
        all.add(afterApply.assign(beta2Power, afterApply.math.mul(beta2Power, b2)));
        all.addAll(store.updates(scope.variablePrefix()));
        Op step = tf.withControlDependencies(all).withName("train_step").noOp();
        return new TrainStep<>(step, loss, lr, byName);
    }
}
