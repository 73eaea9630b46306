package org.colorize.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.colorize.color.AbGamut;
import org.colorize.nn.Adam;
import org.colorize.nn.Losses;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
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
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.framework.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The training graph of a SIGGRAPH17 U-Net and its session: the network in training mode, its loss,
 * Adam, and an inference branch on the same variables (batch norm on moving statistics, the network
 * exactly as exported) for validation and the export check.
 *
 * <p>Regression head: smooth-L1 on ab/110 with InstColorization's δ = 1/110. Classes head: logits over
 * Zhang's 313 bins at S/4, class-rebalanced cross entropy against soft-encoded targets.
 * Session threads: {@code intraOp} for the work inside one op (one per core is fastest),
 * {@code interOp} for independent ops run side by side (1 and 2 measured equal within noise at width
 * 0.25 on 2 cores, 2 was 14% slower at width 0.5 and 128², so 1 is the default). oneDNN kernels are
 * only used when {@code TF_ENABLE_ONEDNN_OPTS=1} is in the environment before the JVM starts; they
 * train about 2.2× faster here (128², width 0.25: 13 against 6 img/s).
 */
public final class TrainingGraph implements AutoCloseable {
    /** Zhang's in-gamut ab bins: the classes head's output channels. */
    public static final int CLASSES = AbGamut.zhang().size();

    private final Siggraph17Config config;
    private final Head head;
    private final Graph graph;
    private final Session session;
    private final ParameterStore<TFloat32> store;
    private final Placeholder<TFloat32> l;
    private final Placeholder<TFloat32> abTarget;
    private final Placeholder<TFloat32> softTarget;
    private final Placeholder<TFloat32> weights;
    private final Operand<TFloat32> loss;
    private final Operand<TFloat32> evalLoss;
    private final Operand<TFloat32> evalOutput;
    private final Adam.TrainStep<TFloat32> step;

    /** The network config of a width and head (one input channel: L). */
    public static Siggraph17Config config(double width, Head head) {
        return head == Head.REGRESSION ? Siggraph17Config.regression(width, 1)
                : Siggraph17Config.distribution(width, 1, CLASSES);
    }

    /** The names of the model variables (parameters and batch-norm state) of a width and head. */
    public static List<String> modelVariableNames(double width, Head head) {
        TfNatives.load();
        try (Graph g = new Graph()) {
            ParameterStore<TFloat32> p = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            Siggraph17Net.build(p, p.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1))),
                    config(width, head));
            return List.copyOf(p.variables(ParameterStore.MODEL).keySet());
        }
    }

    public TrainingGraph(double width, Head head, double lr, long seed, int intraOp, int interOp) {
        TfNatives.load();
        this.config = config(width, head);
        this.head = head;
        graph = new Graph();
        try {
            store = ParameterStore.create(graph, TFloat32.class, ParameterStore.Mode.TRAIN, seed);
            Ops tf = store.tf();
            l = tf.withName("l").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
            abTarget = tf.withName("ab_target").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 2)));
            softTarget = tf.withName("soft_target").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(-1, -1, -1, CLASSES)));
            weights = tf.withName("class_weights").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1)));
            Siggraph17Net.Outputs<TFloat32> train = Siggraph17Net.build(store, l, config);
            loss = lossOf(tf.withSubScope("loss"), train);
            step = Adam.minimize(store, loss, Adam.Config.defaults().withLearningRate(lr));
            Siggraph17Net.Outputs<TFloat32> eval = Siggraph17Net.build(store.view(ParameterStore.Mode.INFERENCE, "eval"), l,
                    config);
            evalLoss = lossOf(tf.withSubScope("eval_loss"), eval);
            evalOutput = head == Head.REGRESSION ? eval.ab() : eval.logits();
            ConfigProto proto = ConfigProto.newBuilder().setIntraOpParallelismThreads(intraOp)
                    .setInterOpParallelismThreads(interOp).build();
            session = new Session(graph, proto);
            session.initialize();
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    private Operand<TFloat32> lossOf(Ops tf, Siggraph17Net.Outputs<TFloat32> out) {
        return head == Head.REGRESSION
                ? Losses.smoothL1(tf, out.abNormalized(), abTarget, Losses.INSTCOLORIZATION_DELTA)
                : Losses.crossEntropy(tf, out.logits(), softTarget, weights);
    }

    public Siggraph17Config config() {
        return config;
    }

    public Head head() {
        return head;
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

    /** One Adam step on {@code b} at learning rate {@code lr}; returns the loss before the update. */
    public double train(Batch b, double lr) {
        try (Feeds f = feeds(b); TFloat32 rate = TFloat32.scalarOf((float) lr)) {
            Session.Runner r = f.feed(session.runner()).feed(step.learningRate(), rate).addTarget(step.op()).fetch(loss);
            try (Result result = r.run()) {
                return Tensors.scalar(result.get(0));
            }
        }
    }

    /** The inference branch on {@code b}: its loss and raw output (ab in ab units, or logits at S/4). */
    public Evaluation evaluate(Batch b) {
        try (Feeds f = feeds(b); Result result = f.feed(session.runner()).fetch(evalLoss).fetch(evalOutput).run()) {
            double lossValue = Tensors.scalar(result.get(0));
            Tensor out = result.get(1);
            float[] values = new float[Math.toIntExact(out.shape().size())];
            ((TFloat32) out).asRawTensor().data().asFloats().read(values);
            return new Evaluation(lossValue, values, out.shape().asArray());
        }
    }

    /** An inference-branch result. */
    public record Evaluation(double loss, float[] output, long[] shape) {
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

    private final class Feeds implements AutoCloseable {
        private final List<Tensor> tensors = new ArrayList<>();
        private final List<Placeholder<TFloat32>> targets = new ArrayList<>();

        void add(Placeholder<TFloat32> p, long[] shape, float[] values) {
            tensors.add(Tensors.of(Shape.of(shape), values));
            targets.add(p);
        }

        Session.Runner feed(Session.Runner r) {
            for (int i = 0; i < tensors.size(); i++) r.feed(targets.get(i), tensors.get(i));
            return r;
        }

        @Override
        public void close() {
            tensors.forEach(Tensor::close);
        }
    }

    private Feeds feeds(Batch b) {
        Feeds f = new Feeds();
        int s = b.size();
        f.add(l, new long[] {b.count(), s, s, 1}, b.l());
        if (head == Head.REGRESSION) {
            f.add(abTarget, new long[] {b.count(), s, s, 2}, b.ab());
        } else {
            int g = b.gridSize();
            f.add(softTarget, new long[] {b.count(), g, g, CLASSES}, b.soft());
            f.add(weights, new long[] {b.count(), g, g}, b.weights());
        }
        return f;
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
