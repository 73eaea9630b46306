package org.colorize.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colorize.nn.Adam;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Tensors;
import org.colorize.nn.TfNatives;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.framework.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The training graph of a {@link TrainingRecipe} and its session: the recipe's parts in training
 * mode with their named losses, one Adam step per objective (each on its own scope of the one
 * parameter store), and an inference branch on the same variables (batch norm on moving
 * statistics, the network exactly as exported) for validation and the export check.
 *
 * <p>Session threads: {@code intraOp} for the work inside one op (one per core is fastest),
 * {@code interOp} for independent ops run side by side (1 and 2 measured equal within noise at width
 * 0.25 on 2 cores, 2 was 14% slower at width 0.5 and 128², so 1 is the default). oneDNN kernels are
 * only used when {@code TF_ENABLE_ONEDNN_OPTS=1} is in the environment before the JVM starts; they
 * train about 2.2× faster here (128², width 0.25: 13 against 6 img/s).
 */
public final class TrainingGraph implements AutoCloseable {

    /**
     * How the graph runs.
     *
     * @param learningRate Adam's default rate (each step feeds the scheduled one)
     * @param seed         seeds the initial weights
     * @param intraOp      TensorFlow intra-op threads
     * @param interOp      TensorFlow inter-op threads
     */
    public record Settings(double learningRate, long seed, int intraOp, int interOp) {
        /** The settings of a run's options. */
        public static Settings of(TrainOptions o, long seed) {
            return new Settings(o.lr(), seed, o.intraOpThreads(), o.interOp());
        }
    }

    private final TrainingRecipe recipe;
    private final Graph graph;
    private final Session session;
    private final ParameterStore<TFloat32> store;
    private final TrainingInputs inputs;
    private final NamedFetches trainLosses;
    private final NamedFetches evalLosses;
    private final Operand<TFloat32> evalOutput;
    private final List<Adam.TrainStep<TFloat32>> steps = new ArrayList<>();

    public TrainingGraph(TrainingRecipe recipe, Settings settings) {
        TfNatives.load();
        this.recipe = recipe;
        graph = new Graph();
        try {
            store = ParameterStore.create(graph, TFloat32.class, ParameterStore.Mode.TRAIN, settings.seed());
            Ops tf = store.tf();
            inputs = new TrainingInputs(tf);
            TrainingRecipe.Parts train = recipe.build(store, inputs, tf.withSubScope("loss"));
            trainLosses = new NamedFetches(recipe.lossNames(), train.losses());
            for (TrainingRecipe.Objective o : recipe.objectives()) {
                Operand<TFloat32> loss = train.losses().get(o.loss());
                if (loss == null) throw new IllegalArgumentException("objective minimizes an unknown loss " + o.loss());
                steps.add(Adam.minimize(store, loss, Adam.Config.defaults().withLearningRate(settings.learningRate()), o.scope()));
            }
            TrainingRecipe.Parts eval = recipe.build(store.view(ParameterStore.Mode.INFERENCE, "eval"), inputs,
                    tf.withSubScope("eval_loss"));
            evalLosses = new NamedFetches(recipe.lossNames(), eval.losses());
            evalOutput = eval.output();
            ConfigProto proto = ConfigProto.newBuilder().setIntraOpParallelismThreads(settings.intraOp())
                    .setInterOpParallelismThreads(settings.interOp()).build();
            session = new Session(graph, proto);
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** Named scalars fetched in one run; a scalar two names share (total = the only term) is fetched once. */
    private static final class NamedFetches {
        private final List<String> names;
        private final List<Operand<TFloat32>> distinct = new ArrayList<>();
        private final int[] index;

        NamedFetches(List<String> names, Map<String, Operand<TFloat32>> byName) {
            this.names = List.copyOf(names);
            index = new int[names.size()];
            for (int i = 0; i < names.size(); i++) {
                Operand<TFloat32> op = byName.get(names.get(i));
                if (op == null) throw new IllegalArgumentException("the recipe built no loss named " + names.get(i));
                int at = distinct.indexOf(op);
                if (at < 0) {
                    at = distinct.size();
                    distinct.add(op);
                }
                index[i] = at;
            }
        }

        int size() {
            return distinct.size();
        }

        Session.Runner fetch(Session.Runner r) {
            distinct.forEach(r::fetch);
            return r;
        }

        /** The values, reading fetched results {@code from .. from + size()}. */
        LossValues read(Result result, int from) {
            double[] v = new double[names.size()];
            for (int i = 0; i < v.length; i++) v[i] = Tensors.scalar(result.get(from + index[i]));
            return LossValues.of(names, v);
        }
    }

    public TrainingRecipe recipe() {
        return recipe;
    }

    public Session session() {
        return session;
    }

    public ParameterStore<TFloat32> store() {
        return store;
    }

    public long parameterCount() {
        return store.parameterCount();
    }

    /**
     * One training step on {@code b} at learning rate {@code lr}: each objective's Adam step in turn;
     * returns the named losses before the update.
     */
    public LossValues train(Batch b, double lr) {
        try (TrainingInputs.Feeds f = inputs.feeds(b); TFloat32 rate = TFloat32.scalarOf((float) lr)) {
            LossValues losses = null;
            for (Adam.TrainStep<TFloat32> step : steps) {
                Session.Runner r = f.into(session.runner()).feed(step.learningRate(), rate).addTarget(step.op());
                if (losses == null) {
                    try (Result result = trainLosses.fetch(r).run()) {
                        losses = trainLosses.read(result, 0);
                    }
                } else {
                    r.run().close();
                }
            }
            return losses;
        }
    }

    /** The inference branch on {@code b}: its named losses and raw output (ab in ab units, or logits at S/4). */
    public Evaluation evaluate(Batch b) {
        try (TrainingInputs.Feeds f = inputs.feeds(b);
                Result result = evalLosses.fetch(f.into(session.runner())).fetch(evalOutput).run()) {
            LossValues losses = evalLosses.read(result, 0);
            Tensor out = result.get(evalLosses.size());
            float[] values = new float[Math.toIntExact(out.shape().size())];
            ((TFloat32) out).asRawTensor().data().asFloats().read(values);
            return new Evaluation(losses, values, out.shape().asArray());
        }
    }

    /** An inference-branch result: named losses and the raw output [B, G, G, C]. */
    public record Evaluation(LossValues losses, float[] output, long[] shape) {
        public double loss() {
            return losses.total();
        }

        /** Side G of the output grid. */
        public int grid() {
            return (int) shape[1];
        }

        /** The raw output of image {@code i} (a copy). */
        public float[] image(int i) {
            int n = Math.toIntExact(output.length / shape[0]);
            float[] out = new float[n];
            System.arraycopy(output, i * n, out, 0, n);
            return out;
        }
    }

    /** Writes the recipe's inference SavedModel with the current weights to {@code dir}. */
    public void exportInference(Path dir) {
        recipe.export(dir, session);
    }

    /**
     * The current values of the variables of {@code kinds} (parameters, batch-norm state, Adam
     * slots), by name, in creation order.
     */
    public Map<String, Variable> read(Set<ParameterStore.Kind> kinds) {
        Map<String, Tensor> tensors = store.read(session, kinds);
        Map<String, Variable> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
                Tensor t = e.getValue();
                float[] v = new float[Math.toIntExact(t.shape().size())];
                ((TFloat32) t).asRawTensor().data().asFloats().read(v);
                out.put(e.getKey(), new Variable(t.shape().asArray(), v));
            }
        } finally {
            tensors.values().forEach(Tensor::close);
        }
        return out;
    }

    /** A variable's value: its shape and row-major values. */
    public record Variable(long[] shape, float[] values) {
    }

    /**
     * Sets variables by name. With {@code requireAll} every variable of the graph (model and
     * optimizer) must be given; otherwise the missing ones keep their initial values.
     */
    public void load(Map<String, Variable> values, boolean requireAll) {
        if (requireAll) {
            List<String> missing = new ArrayList<>();
            for (String name : store.entries().keySet()) {
                if (!values.containsKey(name)) missing.add(name);
            }
            if (!missing.isEmpty()) throw new IllegalArgumentException("no values for " + missing);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Variable> e : values.entrySet()) {
                if (!store.entries().containsKey(e.getKey())) continue;
                tensors.put(e.getKey(), TFloat32.tensorOf(Shape.of(e.getValue().shape()),
                        DataBuffers.of(e.getValue().values(), true, false)));
            }
            store.load(session, tensors, false);
        } finally {
            tensors.values().forEach(Tensor::close);
        }
    }

    /** Every variable name with its kind, in creation order. */
    public Map<String, ParameterStore.Kind> variableKinds() {
        Map<String, ParameterStore.Kind> m = new LinkedHashMap<>();
        store.entries().forEach((k, v) -> m.put(k, v.kind()));
        return m;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
