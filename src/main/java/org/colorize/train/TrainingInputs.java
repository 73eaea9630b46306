package org.colorize.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.colorize.nn.Tensors;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The placeholders a recipe reads a {@link Batch} through. Each is made when a recipe first asks
 * for it, and only those made are fed, so a step copies no data its recipe does not use.
 */
public final class TrainingInputs {
    private static final long ANY = -1;
    private final Ops tf;
    private final List<Input> made = new ArrayList<>();
    private Placeholder<TFloat32> l;
    private Placeholder<TFloat32> abNormalized;
    private Placeholder<TFloat32> softBins;
    private Placeholder<TFloat32> classWeights;

    private record Input(Placeholder<TFloat32> placeholder, Function<Batch, long[]> shape, Function<Batch, float[]> values) {
    }

    TrainingInputs(Ops tf) {
        this.tf = tf;
    }

    /** [B, S, S, 1] lightness L in 0…100. */
    public Placeholder<TFloat32> l() {
        if (l == null) l = make("l", Shape.of(ANY, ANY, ANY, 1), b -> new long[] {b.count(), b.size(), b.size(), 1}, Batch::l);
        return l;
    }

    /** [B, S, S, 2] the true ab / {@code Siggraph17Net.AB_SCALE} (the network's normalized ab). */
    public Placeholder<TFloat32> abNormalized() {
        if (abNormalized == null) {
            abNormalized = make("ab_target", Shape.of(ANY, ANY, ANY, 2), b -> new long[] {b.count(), b.size(), b.size(), 2},
                    Batch::ab);
        }
        return abNormalized;
    }

    /** [B, S/4, S/4, Q] soft-encoded bin distributions. */
    public Placeholder<TFloat32> softBins() {
        if (softBins == null) {
            softBins = make("soft_target", Shape.of(ANY, ANY, ANY, ClassesRecipe.CLASSES),
                    b -> new long[] {b.count(), b.gridSize(), b.gridSize(), ClassesRecipe.CLASSES}, Batch::soft);
        }
        return softBins;
    }

    /** [B, S/4, S/4] class-rebalancing weight per cell. */
    public Placeholder<TFloat32> classWeights() {
        if (classWeights == null) {
            classWeights = make("class_weights", Shape.of(ANY, ANY, ANY), b -> new long[] {b.count(), b.gridSize(), b.gridSize()},
                    Batch::weights);
        }
        return classWeights;
    }

    /**
     * [B, S/stride, S/stride, channels] the batch's extra input {@code name} ({@link Batch#features}),
     * made once per name.
     */
    public Placeholder<TFloat32> feature(String name, int stride, int channels) {
        for (Input in : made) {
            if (in.placeholder().op().name().equals(name)) return in.placeholder();
        }
        return make(name, Shape.of(ANY, ANY, ANY, channels),
                b -> new long[] {b.count(), b.size() / stride, b.size() / stride, channels}, b -> b.features().get(name));
    }

    /** [B, 1, 1, channels] the batch's per-image extra input {@code name} ({@link Batch#features}), made once per name. */
    public Placeholder<TFloat32> vector(String name, int channels) {
        for (Input in : made) {
            if (in.placeholder().op().name().equals(name)) return in.placeholder();
        }
        return make(name, Shape.of(ANY, 1, 1, channels), b -> new long[] {b.count(), 1, 1, channels},
                b -> b.features().get(name));
    }

    private Placeholder<TFloat32> make(String name, Shape shape, Function<Batch, long[]> dims, Function<Batch, float[]> values) {
        Placeholder<TFloat32> p = tf.withName(name).placeholder(TFloat32.class, Placeholder.shape(shape));
        made.add(new Input(p, dims, values));
        return p;
    }

    /** The tensors of one batch for every placeholder made; close after the run. */
    Feeds feeds(Batch b) {
        Feeds f = new Feeds();
        for (Input in : made) {
            float[] v = in.values().apply(b);
            if (v == null) throw new IllegalArgumentException("the batch lacks the " + in.placeholder().op().name() + " input");
            f.tensors.add(Tensors.of(Shape.of(in.shape().apply(b)), v));
            f.targets.add(in.placeholder());
        }
        return f;
    }

    /** A batch's tensors, fed into session runs, closed together. */
    static final class Feeds implements AutoCloseable {
        private final List<Tensor> tensors = new ArrayList<>();
        private final List<Placeholder<TFloat32>> targets = new ArrayList<>();

        Session.Runner into(Session.Runner r) {
            for (int i = 0; i < tensors.size(); i++) r.feed(targets.get(i), tensors.get(i));
            return r;
        }

        @Override
        public void close() {
            tensors.forEach(Tensor::close);
        }
    }
}
