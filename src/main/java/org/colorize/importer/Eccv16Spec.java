package org.colorize.importer;

import java.util.ArrayList;
import java.util.List;
import org.colorize.color.AbGamut;
import org.colorize.nn.Eccv16Config;
import org.colorize.nn.Eccv16Net;
import org.colorize.nn.ParameterStore;
import org.tensorflow.types.TFloat32;

/** Zhang et al. 2016's release ({@code colorization_release_v2-9b330a0b.pth}) on {@link Eccv16Net}. */
final class Eccv16Spec implements NetworkSpec {
    /** Convolutions per encoder block conv1 … conv7. */
    private static final int[] CONVS = {2, 2, 3, 3, 3, 3, 3};

    /** ab units: the decode holds centers on a grid of 10, stored as float32 / 110. */
    private static final double DECODE_TOLERANCE = 1e-3;

    private final Eccv16Config cfg;

    private Eccv16Spec(Eccv16Config cfg) {
        this.cfg = cfg;
    }

    /** The network whose width the first conv's weight [64·w, 1, 3, 3] gives. */
    static Eccv16Spec of(StateDict sd) throws CheckpointException {
        long[] first = Shapes.require(sd, "model1.0.weight", 4);
        if (first[1] != 1) {
            throw new CheckpointException("model1.0.weight is " + Shapes.text(first) + ": ECCV16 takes 1 input channel (L);"
                    + " is this a SIGGRAPH17 checkpoint (--arch siggraph17)?");
        }
        return new Eccv16Spec(new Eccv16Config(first[0] / 64.0));
    }

    @Override
    public List<LayerMap> layers() {
        List<LayerMap> layers = new ArrayList<>();
        for (int b = 1; b <= CONVS.length; b++) {
            int n = CONVS[b - 1];
            for (int i = 1; i <= n; i++) layers.add(LayerMap.conv("conv" + b + "_" + i, "model" + b + "." + (2 * i - 2)));
            layers.add(LayerMap.batchNorm("conv" + b + "_norm", "model" + b + "." + 2 * n));
        }
        layers.add(LayerMap.transposed("conv8_1", "model8.0"));
        layers.add(LayerMap.conv("conv8_2", "model8.2"));
        layers.add(LayerMap.conv("conv8_3", "model8.4"));
        layers.add(LayerMap.conv("out_class", "model8.6"));
        layers.add(LayerMap.conv("out_decode", "model_out")); // a plain Conv2d attribute, not in a Sequential
        return layers;
    }

    @Override
    public Serving serving(ParameterStore<TFloat32> store) {
        Eccv16Net.Serving s = Eccv16Net.serving(store, cfg);
        return new Serving(s.signature(), s.l(), s.outputs().ab());
    }

    /**
     * Zhang's bins when the release's fixed decode {@code model_out.weight} [2, 313, 1, 1] holds
     * {@link AbGamut#zhang()}'s centers / 110 in its order (a, then b: the order of
     * {@code pts_in_hull.npy}), so the logits' classes are those bins.
     */
    @Override
    public String bins(StateDict sd, List<String> notes) throws CheckpointException {
        AbGamut zhang = AbGamut.zhang();
        float[] w = sd.get("model_out.weight").orElseThrow(() -> new CheckpointException("it has no tensor model_out.weight"))
                .floats();
        double worst = 0;
        for (int q = 0; q < zhang.size(); q++) {
            worst = Math.max(worst, Math.abs(w[q] * Eccv16Net.AB_SCALE - zhang.a(q)));
            worst = Math.max(worst, Math.abs(w[zhang.size() + q] * Eccv16Net.AB_SCALE - zhang.b(q)));
        }
        if (worst <= DECODE_TOLERANCE) return AbGamut.ZHANG_313;
        notes.add(String.format(java.util.Locale.ROOT, "model_out.weight differs from Zhang's 313 bin centers / 110 by up to %.3g ab:"
                + " the logits are left out of the card, ab is decoded with the file's own weights", worst));
        return null;
    }

    @Override
    public double width() {
        return cfg.width();
    }

    @Override
    public int classes() {
        return Eccv16Config.CLASSES;
    }
}
