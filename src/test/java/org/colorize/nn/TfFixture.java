package org.colorize.nn;

import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;

/** A graph, its session and a parameter store, closed together; plus random data helpers. */
final class TfFixture<T extends TFloating> implements AutoCloseable {
    final Graph graph;
    final Session session;
    final ParameterStore<T> store;
    final Ops tf;
    final Random random = new Random(42);

    TfFixture(Class<T> type, ParameterStore.Mode mode) {
        TfNatives.load();
        graph = new Graph();
        session = new Session(graph);
        store = ParameterStore.create(graph, type, mode, 1234);
        tf = store.tf();
    }

    static <T extends TFloating> TfFixture<T> training(Class<T> type) {
        return new TfFixture<>(type, ParameterStore.Mode.TRAIN);
    }

    Placeholder<T> placeholder(String name, Shape shape) {
        return tf.withName(name).placeholder(store.dtype(), Placeholder.shape(shape));
    }

    /** Normal(0, scale²) values. */
    double[] randn(long n, double scale) {
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian() * scale;
        }
        return v;
    }

    /** Uniform values in [0, scale) from their own seed (the same data whatever else the test draws). */
    static double[] seededUniform(long n, long seed, double scale) {
        java.util.Random r = new java.util.Random(seed);
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) v[i] = r.nextDouble() * scale;
        return v;
    }

    /** Uniform values in [lo, hi). */
    double[] uniform(long n, double lo, double hi) {
        double[] v = new double[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = lo + (hi - lo) * random.nextDouble();
        }
        return v;
    }

    /**
     * Σ R ⊙ y for a fixed random R of {@code shape}: a scalar whose gradient w.r.t. y is R, so every
     * output element matters (a plain sum would make e.g. batch norm's input gradient vanish).
     */
    Operand<T> projection(Operand<T> y, Shape shape) {
        try (Tensor r = Tensors.of(store.dtype(), shape, randn(shape.size(), 1))) {
            Operand<T> weights = tf.constantOf(store.dtype().cast(r));
            return tf.reduceSum(tf.math.mul(y, weights), tf.range(tf.constant(0), tf.rank(y), tf.constant(1)));
        }
    }

    GradientChecker<T> checker(Operand<T> loss) {
        session.initialize();
        return new GradientChecker<>(graph, session, store, loss);
    }

    @Override
    public void close() {
        session.close();
        graph.close();
    }
}
