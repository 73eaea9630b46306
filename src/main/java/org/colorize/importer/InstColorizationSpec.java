package org.colorize.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.nn.FusionConfig;
import org.colorize.nn.FusionGeometry;
import org.colorize.nn.FusionPoint;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.InstanceFusion;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.SavedModelExport;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * InstColorization's three networks (Su, Chu, Huang, CVPR 2020) as one instance-aware model:
 * the full-image generator {@code latest_net_GComp.pth} (what runs without boxes), the instance
 * generator {@code latest_net_G.pth} (on the crops) and the fusion generator
 * {@code latest_net_GF.pth}, which holds a full-image generator of its own plus a weight generator
 * after each of the 13 fusion points.
 *
 * <p>GF was saved from a {@code DataParallel} wrapper, so every key starts with {@value #MODULE};
 * a file without it is not GF (G and GComp were saved unwrapped). Its generator layers have the
 * keys of {@link Siggraph17Spec} after the prefix; the weight generator after point P
 * ({@code weight_layer}, {@code weight_layer2} … {@code weight_layer7}, {@code weight_layer8_1},
 * {@code weight_layer8_2}, {@code weight_layer9_1}, {@code weight_layer9_2}, {@code weight_layer10_1},
 * {@code weight_layer10_2}) has {@code simple_instance_conv.{0,2,4}} and {@code simple_bg_conv.{0,2,4}}
 * (3×3 convs C→w→w→1, each followed by ReLU), ours {@code fusion/P/instance/conv_{0,2,4}} and
 * {@code fusion/P/bg/conv_{0,2,4}} ({@link InstanceFusion}). Weights the published fusion forward
 * pass never reads are left out: GF's {@code weight_layerout} (a weight generator defined for the
 * 2-channel output, never called) and the class heads {@code model_class} of G and GF. The
 * weight-net width w comes from the file, the fusion variant is {@link FusionConfig#instColorization}.
 */
final class InstColorizationSpec {
    /** The key prefix of a state dict saved from {@code torch.nn.DataParallel}. */
    static final String MODULE = "module.";
    /** InstColorization's "no hint" mask value ({@code mask_cent} 0.5 subtracted from 0). */
    static final double MASK_OFFSET = -0.5;
    static final List<String> INSTANCE_UNUSED = List.of("model_class.");
    static final List<String> FUSION_UNUSED = List.of(MODULE + "model_class.", MODULE + "weight_layerout.");
    private static final Map<FusionPoint, String> WEIGHT_LAYERS = weightLayers();
    private static final String[][] WEIGHT_NETS = {{"instance", "simple_instance_conv"}, {"bg", "simple_bg_conv"}};

    private final Siggraph17Spec full;
    private final Siggraph17Spec instance;
    private final Siggraph17Spec fusedNet;
    private final FusionConfig fusion;

    private InstColorizationSpec(Siggraph17Spec full, Siggraph17Spec instance, Siggraph17Spec fusedNet, FusionConfig fusion) {
        this.full = full;
        this.instance = instance;
        this.fusedNet = fusedNet;
        this.fusion = fusion;
    }

    /** GF's weight generator attribute after each fusion point, as the published FusionGenerator names them. */
    private static Map<FusionPoint, String> weightLayers() {
        Map<FusionPoint, String> m = new EnumMap<>(FusionPoint.class);
        String[] suffixes = {"", "2", "3", "4", "5", "6", "7", "8_1", "8_2", "9_1", "9_2", "10_1", "10_2"};
        FusionPoint[] points = FusionPoint.values();
        for (int i = 0; i < points.length; i++) m.put(points[i], "weight_layer" + suffixes[i]);
        return m;
    }

    /** The full-image spec (from GComp); problems are the full-image file's. */
    static Siggraph17Spec fullImage(StateDict gcomp) throws CheckpointException {
        if (gcomp.keys().stream().anyMatch(k -> k.startsWith(MODULE))) {
            throw new CheckpointException("its keys start with '" + MODULE + "' (a DataParallel save): that is the fusion network"
                    + " latest_net_GF.pth, give it as --fusion and latest_net_GComp.pth as the file");
        }
        return Siggraph17Spec.of(gcomp, MASK_OFFSET);
    }

    /** The instance spec (from G); problems are the instance file's. */
    static Siggraph17Spec instance(StateDict g) throws CheckpointException {
        if (g.keys().stream().anyMatch(k -> k.startsWith(MODULE))) {
            throw new CheckpointException("its keys start with '" + MODULE + "' (a DataParallel save): that is the fusion network"
                    + " latest_net_GF.pth, give it as --fusion");
        }
        return Siggraph17Spec.of(g, MASK_OFFSET);
    }

    /**
     * The fused network from GF, which must have the {@value #MODULE} prefix on every key and the
     * width of {@code instance}; problems are the fusion file's.
     */
    static InstColorizationSpec of(Siggraph17Spec full, Siggraph17Spec instance, StateDict gf) throws CheckpointException {
        List<String> bare = gf.keys().stream().filter(k -> !k.startsWith(MODULE)).limit(3).toList();
        if (!bare.isEmpty()) {
            throw new CheckpointException("it is not InstColorization's fusion network: latest_net_GF.pth was saved from"
                    + " DataParallel and every key starts with '" + MODULE + "', but this file has " + bare
                    + (gf.has("model1.0.weight") ? " (a generator saved unwrapped: G or GComp, not GF)" : ""));
        }
        long[] first = Shapes.require(gf, MODULE + "model1.0.weight", 4);
        if (first[1] != Siggraph17Spec.INPUT_CHANNELS) {
            throw new CheckpointException(MODULE + "model1.0.weight is " + Shapes.text(first) + ": the fusion generator takes "
                    + Siggraph17Spec.INPUT_CHANNELS + " input channels (L, ab hint, mask)");
        }
        double width = first[0] / 64.0;
        if (width != instance.width()) {
            throw new CheckpointException(String.format(Locale.ROOT, "its generator has width %s (%d channels in %smodel1.0)"
                    + " but the instance network's has %s: G and GF must come from one checkpoint folder", width, first[0], MODULE,
                    instance.width()));
        }
        if (width != full.width()) {
            throw new CheckpointException(String.format(Locale.ROOT, "its generator has width %s but the full-image network's"
                    + " (GComp) has %s: the three files must come from one checkpoint folder", width, full.width()));
        }
        String weightKey = MODULE + WEIGHT_LAYERS.get(FusionPoint.CONV1_2) + ".simple_instance_conv.0.weight";
        long[] weightNet = Shapes.require(gf, weightKey, 4);
        FusionConfig fusion = FusionConfig.instColorization((int) weightNet[0]);
        return new InstColorizationSpec(full, instance, new Siggraph17Spec(Siggraph17Config.regression(width,
                Siggraph17Spec.INPUT_CHANNELS), MASK_OFFSET), fusion);
    }

    /** The same networks with another fusion variant (to show what the published one changes). */
    InstColorizationSpec withFusion(FusionConfig other) {
        return new InstColorizationSpec(full, instance, fusedNet, other);
    }

    Siggraph17Spec full() {
        return full;
    }

    Siggraph17Spec instance() {
        return instance;
    }

    FusionConfig fusion() {
        return fusion;
    }

    double width() {
        return fusedNet.width();
    }

    /** The fused graph's variables from GF: its generator (unprefixed) and the weight nets ({@code fusion/}). */
    List<LayerMap> fusionLayers() {
        List<LayerMap> layers = new ArrayList<>();
        for (LayerMap l : fusedNet.layers()) layers.add(new LayerMap(l.layer(), MODULE + l.prefix(), l.kind()));
        for (FusionPoint p : FusionPoint.values()) {
            for (String[] net : WEIGHT_NETS) {
                for (int i = 0; i <= 4; i += 2) {
                    layers.add(LayerMap.conv(InstanceFusion.SCOPE + "/" + p.layerName() + "/" + net[0] + "/conv_" + i,
                            MODULE + WEIGHT_LAYERS.get(p) + "." + net[1] + "." + i));
                }
            }
        }
        return layers;
    }

    /** The fused graph's variables from G: the instance network under {@value InstanceAwareNet#INSTANCE}/. */
    List<LayerMap> instanceLayers() {
        return fusedNet.layers().stream().map(l -> new LayerMap(InstanceAwareNet.INSTANCE + "/" + l.layer(), l.prefix(), l.kind()))
                .toList();
    }

    /** The fused serving graph: its signature, the L and geometry inputs, ab. */
    record Fused(Signature signature, Placeholder<TFloat32> l, InstanceAwareNet.Inputs<TFloat32> in, Operand<TFloat32> ab,
            Map<FusionPoint, Operand<TFloat32>> features) {}

    /**
     * The fused graph as {@code InstanceAwareColorizer} runs it: L [1, size, size, 1], crops
     * [K, crop, crop, 1] (L 0…100), the geometry matrices of {@link FusionGeometry}; each network gets
     * InstColorization's "no hint" channels.
     */
    Fused fused(ParameterStore<TFloat32> store, int size, int cropSize) {
        Placeholder<TFloat32> l = store.tf().withName(SavedModelExport.INPUT)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 1)));
        InstanceAwareNet.Inputs<TFloat32> in = InstanceAwareNet.placeholders(store.tf(), TFloat32.class, size, cropSize);
        Operand<TFloat32> fullInput = HintChannels.none(store.tf("hints"), l, MASK_OFFSET);
        Operand<TFloat32> cropInput = HintChannels.none(store.tf("crop_hints"), in.crops(), MASK_OFFSET);
        Siggraph17Net.Outputs<TFloat32> out = InstanceAwareNet.build(store, fullInput, cropInput, in,
                fusedNet.config(), fusion);
        Signature.Builder sig = Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l)
                .input(InstanceAwareNet.CROPS, in.crops());
        for (int s : FusionGeometry.STRIDES) {
            sig.input(FusionGeometry.Inputs.rowsName(s), in.rows().get(s));
            sig.input(FusionGeometry.Inputs.colsName(s), in.cols().get(s));
        }
        return new Fused(sig.output(SavedModelExport.OUTPUT_AB, out.ab()).build(), l, in, out.ab(), out.features());
    }
}
