package org.colorize.importer;

import java.util.ArrayList;
import java.util.List;
import org.colorize.color.AbGamut;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.SavedModelExport;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The SIGGRAPH17 generator of Zhang et al.'s release ({@code siggraph17-df00044c.pth}) and of
 * InstColorization ({@code latest_net_G.pth}, {@code latest_net_GComp.pth}) on
 * {@link Siggraph17Net}: the same keys (see its documentation), 4 input channels, the regression
 * head and, when the file has {@code model_class.0.*}, the class head. They differ only in the
 * mask value fed without hints ({@link HintChannels}).
 */
final class Siggraph17Spec implements NetworkSpec {
    /** Convolutions per encoder block conv1 … conv7. */
    private static final int[] CONVS = {2, 2, 3, 3, 3, 3, 3};
    /** L, hint a, hint b, hint mask. */
    static final int INPUT_CHANNELS = 4;

    private final Siggraph17Config cfg;
    private final double maskOffset;

    Siggraph17Spec(Siggraph17Config cfg, double maskOffset) {
        this.cfg = cfg;
        this.maskOffset = maskOffset;
    }

    /** The network whose width the first conv [64·w, 4, 3, 3] gives, with a class head if the file has one. */
    static Siggraph17Spec of(StateDict sd, double maskOffset) throws CheckpointException {
        long[] first = Shapes.require(sd, "model1.0.weight", 4);
        if (first[1] != INPUT_CHANNELS) {
            throw new CheckpointException("model1.0.weight is " + Shapes.text(first) + ": the SIGGRAPH17 generator takes "
                    + INPUT_CHANNELS + " input channels (L, ab hint, mask)" + (first[1] == 1 ? "; is this ECCV16 (--arch eccv16)?" : ""));
        }
        int classes = sd.has("model_class.0.weight") ? (int) Shapes.require(sd, "model_class.0.weight", 4)[0] : 0;
        double width = first[0] / 64.0;
        Siggraph17Config cfg = classes > 0 ? Siggraph17Config.both(width, INPUT_CHANNELS, classes)
                : Siggraph17Config.regression(width, INPUT_CHANNELS);
        return new Siggraph17Spec(cfg, maskOffset);
    }

    Siggraph17Config config() {
        return cfg;
    }

    double maskOffset() {
        return maskOffset;
    }

    @Override
    public List<LayerMap> layers() {
        List<LayerMap> layers = new ArrayList<>();
        for (int b = 1; b <= CONVS.length; b++) {
            int n = CONVS[b - 1];
            for (int i = 1; i <= n; i++) layers.add(LayerMap.conv("conv" + b + "_" + i, "model" + b + "." + (2 * i - 2)));
            layers.add(LayerMap.batchNorm("conv" + b + "_norm", "model" + b + "." + 2 * n));
        }
        // decoder Sequentials start with a ReLU, so their convs sit at odd indices
        layers.add(LayerMap.transposed("conv8_up", "model8up.0"));
        layers.add(LayerMap.conv("conv3_short8", "model3short8.0"));
        layers.add(LayerMap.conv("conv8_2", "model8.1"));
        layers.add(LayerMap.conv("conv8_3", "model8.3"));
        layers.add(LayerMap.batchNorm("conv8_norm", "model8.5"));
        if (cfg.classes() > 0) layers.add(LayerMap.conv("out_class", "model_class.0"));
        layers.add(LayerMap.transposed("conv9_up", "model9up.0"));
        layers.add(LayerMap.conv("conv2_short9", "model2short9.0"));
        layers.add(LayerMap.conv("conv9_2", "model9.1"));
        layers.add(LayerMap.batchNorm("conv9_norm", "model9.3"));
        layers.add(LayerMap.transposed("conv10_up", "model10up.0"));
        layers.add(LayerMap.conv("conv1_short10", "model1short10.0"));
        layers.add(LayerMap.conv("conv10_2", "model10.1"));
        layers.add(LayerMap.conv("out_reg", "model_out.0"));
        return layers;
    }

    @Override
    public Serving serving(ParameterStore<TFloat32> store) {
        Placeholder<TFloat32> l = store.tf().withName(SavedModelExport.INPUT)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        Siggraph17Net.Outputs<TFloat32> out = Siggraph17Net.build(store, HintChannels.none(store.tf("hints"), l, maskOffset), cfg);
        Signature.Builder sig = Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l)
                .output(SavedModelExport.OUTPUT_AB, out.ab());
        if (out.logits() != null) sig.output(SavedModelExport.OUTPUT_LOGITS, out.logits());
        return new Serving(sig.build(), l, out.ab());
    }

    /** The network on L and explicit hints [N, H, W, 3] (a, b, 0/1 mask): for checks against the published code. */
    Operand<TFloat32> hinted(ParameterStore<TFloat32> store, Operand<TFloat32> l, Operand<TFloat32> hints) {
        Ops tf = store.tf("hints");
        return Siggraph17Net.build(store, HintChannels.of(tf, l, hints, maskOffset), cfg).ab();
    }

    @Override
    public String bins(StateDict sd, List<String> notes) {
        if (cfg.classes() == 0) return null;
        if (cfg.classes() == Siggraph17Config.SIGGRAPH17_CLASSES) return AbGamut.SIGGRAPH_529; // index 23·(a+110)/10 + (b+110)/10
        notes.add("class head of " + cfg.classes() + " bins is no bin set Colorize knows; only the regression output is served");
        return null;
    }

    @Override
    public double width() {
        return cfg.width();
    }

    @Override
    public int classes() {
        return cfg.classes();
    }
}
