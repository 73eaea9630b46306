package org.colorize.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colorize.nn.Adam;
import org.colorize.nn.Losses;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The SIGGRAPH17 net with the regression head trained alone on square pictures (L in, ab out,
 * smooth-L1 with InstColorization's δ), random horizontal flips: the full-image stage on whole
 * pictures, or the instance stage on crops under a variable prefix.
 */
final class FullNetStage implements StageRecipe {
    /** Steps between two scores on the held-out pictures. */
    static final int VALIDATE_EVERY = 100;

    private final String name;
    private final String prefix;
    private final Siggraph17Config config;
    private final int size;
    private final int batch;
    private final List<float[]> l;
    private final List<float[]> ab;
    private final List<float[]> heldL;
    private final List<float[]> heldAb;

    /**
     * @param prefix variable prefix ("" for the full-image net, {@code instance} for the instance net)
     * @param l      pictures' L, {@code size²} each
     * @param ab     their ab, interleaved
     */
    FullNetStage(String name, String prefix, Siggraph17Config config, int size, int batch, List<float[]> l, List<float[]> ab) {
        this(name, prefix, config, size, batch, l, ab, List.of(), List.of());
    }

    /**
     * @param heldL  pictures never trained on, scored every {@value #VALIDATE_EVERY} steps in
     *               inference mode; the best-scoring weights are kept (none: the last)
     * @param heldAb their ab
     */
    FullNetStage(String name, String prefix, Siggraph17Config config, int size, int batch, List<float[]> l, List<float[]> ab,
            List<float[]> heldL, List<float[]> heldAb) {
        if (l.isEmpty() || l.size() != ab.size()) throw new IllegalArgumentException(name + ": no pictures");
        if (heldL.size() != heldAb.size()) throw new IllegalArgumentException(name + ": one ab per held-out picture");
        this.heldL = List.copyOf(heldL);
        this.heldAb = List.copyOf(heldAb);
        this.name = name;
        this.prefix = prefix;
        this.config = config;
        this.size = size;
        this.batch = batch;
        this.l = List.copyOf(l);
        this.ab = List.copyOf(ab);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s: SIGGRAPH17 width %s on %d pictures of %d², batch %d, smooth-L1%s", name,
                TrainOptions.fmt(config.width()), l.size(), size, batch, heldL.isEmpty() ? ""
                        : String.format(Locale.ROOT, "; kept the weights scoring best on %d held-out pictures (scored every %d steps)",
                                heldL.size(), VALIDATE_EVERY));
    }

    @Override
    public ParameterStore.Mode mode() {
        return ParameterStore.Mode.TRAIN;
    }

    @Override
    public Adam.Scope scope() {
        return prefix.isEmpty() ? Adam.Scope.ALL : new Adam.Scope("adam_" + prefix, prefix + "/");
    }

    @Override
    public Built build(ParameterStore<TFloat32> store) {
        Ops tf = store.tf();
        Placeholder<TFloat32> in = tf.withName(name + "_l").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size, 1)));
        Placeholder<TFloat32> target = tf.withName(name + "_ab").placeholder(TFloat32.class,
                Placeholder.shape(Shape.of(-1, size, size, 2)));
        ParameterStore<TFloat32> net = prefix.isEmpty() ? store : store.under(prefix);
        Siggraph17Net.Outputs<TFloat32> out = Siggraph17Net.build(net, in, config);
        Operand<TFloat32> loss = Losses.smoothL1(store.tf("loss_" + name), out.abNormalized(), target, Losses.INSTCOLORIZATION_DELTA);
        Feeder feeder = (runner, rnd) -> {
            int[] picks = new int[batch];
            boolean[] mirror = new boolean[batch];
            for (int i = 0; i < batch; i++) {
                picks[i] = rnd.nextInt(l.size());
                mirror[i] = rnd.nextBoolean();
            }
            return feed(runner, in, target, l, ab, picks, mirror);
        };
        Validation validation = null;
        if (!heldL.isEmpty()) {
            // in inference mode (moving statistics), as the exported net runs: a view of the same variables
            Siggraph17Net.Outputs<TFloat32> held = Siggraph17Net.build(net.view(ParameterStore.Mode.INFERENCE, name + "_held_out"), in,
                    config);
            Operand<TFloat32> heldLoss = Losses.smoothL1(store.tf("loss_" + name + "_held_out"), held.abNormalized(), target,
                    Losses.INSTCOLORIZATION_DELTA);
            int batches = (heldL.size() + batch - 1) / batch;
            validation = new Validation(batches, VALIDATE_EVERY, (runner, b) -> {
                int n = Math.min(batch, heldL.size() - b * batch);
                int[] picks = new int[n];
                for (int i = 0; i < n; i++) picks[i] = b * batch + i;
                return feed(runner, in, target, heldL, heldAb, picks, new boolean[n]);
            }, heldLoss, null);
        }
        return new Built(loss, feeder, List.of(), java.util.Map.of(), validation);
    }

    /** Feeds pictures {@code picks} of {@code ls}/{@code abs} as one batch, each mirrored if asked. */
    private List<Tensor> feed(org.tensorflow.Session.Runner runner, Placeholder<TFloat32> in, Placeholder<TFloat32> target,
            List<float[]> ls, List<float[]> abs, int[] picks, boolean[] mirror) {
        int n = picks.length;
        float[] lb = new float[n * size * size];
        float[] abb = new float[n * size * size * 2];
        for (int i = 0; i < n; i++) {
            copy(ls.get(picks[i]), lb, i * size * size, 1, mirror[i], 1);
            copy(abs.get(picks[i]), abb, i * size * size * 2, 2, mirror[i], (float) (1 / Siggraph17Net.AB_SCALE));
        }
        List<Tensor> made = new ArrayList<>();
        Tensor tl = Tensors.of(Shape.of(n, size, size, 1), lb);
        Tensor tab = Tensors.of(Shape.of(n, size, size, 2), abb);
        made.add(tl);
        made.add(tab);
        runner.feed(in, tl).feed(target, tab);
        return made;
    }

    /** Copies a size² picture of {@code channels} into {@code dst} at {@code offset}, mirrored if asked, scaled. */
    private void copy(float[] src, float[] dst, int offset, int channels, boolean mirror, float scale) {
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sx = mirror ? size - 1 - x : x;
                for (int c = 0; c < channels; c++) {
                    dst[offset + (y * size + x) * channels + c] = src[(y * size + sx) * channels + c] * scale;
                }
            }
        }
    }
}
