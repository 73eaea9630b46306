package org.colorize.nn;

import org.colorize.color.AbNormalization;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * The SIGGRAPH17 colorization U-Net (Zhang et al. 2017, as used three times by InstColorization),
 * written once for training and inference graphs, any width and any number of input channels.
 *
 * <p>Encoder blocks conv-ReLU…-BatchNorm (BN after the last ReLU), all 3×3 stride 1:
 * conv1 2×64, conv2 2×128, conv3 3×256, conv4 3×512, conv5 and conv6 3×512 with dilation 2,
 * conv7 3×512; between conv1…conv4 the maps are subsampled by taking every 2nd pixel. Decoder:
 * conv8_up = transposed conv (k4 s2, →256) + 3×3 shortcut conv3_short8 from conv3_3, then ReLU,
 * conv8_2, ReLU, conv8_3, ReLU, BN; conv9_up = transposed conv (→128) + 3×3 shortcut conv2_short9
 * from conv2_2, then ReLU, conv9_2, ReLU, BN; conv10_up = transposed conv (→128) + 3×3 shortcut
 * conv1_short10 from conv1_2, then ReLU, conv10_2, LeakyReLU 0.2. Heads: {@code out_reg} 1×1
 * conv → 2, tanh (ab/110); {@code out_class} 1×1 conv on conv8_3 → Q logits.
 *
 * <p>Variable names → keys of the published PyTorch checkpoints (Sequential indices count the
 * ReLUs): encoder {@code convB_i} = {@code modelB.(2i−2)}, {@code convB_norm} = {@code modelB.(2n)}
 * for a block of n convs; {@code conv8_2}, {@code conv8_3}, {@code conv8_norm} = {@code model8.1, .3,
 * .5}; {@code conv9_2}, {@code conv9_norm} = {@code model9.1, .3}; {@code conv10_2} =
 * {@code model10.1}; {@code convB_up} = {@code modelBup.0}; {@code conv3_short8} =
 * {@code model3short8.0} (likewise conv2_short9, conv1_short10); {@code out_reg} =
 * {@code model_out.0}; {@code out_class} = {@code model_class.0}. weight/bias keep their names, BN
 * gamma/beta/moving_mean/moving_variance are weight/bias/running_mean/running_var. Conv weights are
 * HWIO (PyTorch OIHW transposed), transposed-conv weights [k, k, out, in] (PyTorch [in, out, k, k]
 * transposed).
 *
 * <p>Input: NHWC, H and W multiples of 8, channel 0 is L in 0…100 (normalized inside as
 * (L − 50)/100), further channels are passed through as fed (hints as ab/110, mask, noise).
 */
public final class Siggraph17Net {
    /** L normalization: (L − L_CENTER) / L_SCALE. */
    public static final double L_CENTER = 50;
    public static final double L_SCALE = 100;
    /** ab normalization: ab / AB_SCALE, the range of tanh's output. */
    public static final double AB_SCALE = AbNormalization.SCALE;
    /** Every input side must be a multiple of this (three 2× subsamplings). */
    public static final int SIZE_MULTIPLE = 8;

    private Siggraph17Net() {}

    /**
     * What the network computes.
     *
     * @param abNormalized tanh output, ab/110, [N, H, W, 2]; null without regression head
     * @param ab abNormalized × 110 in ab units; null without regression head
     * @param logits distribution head, [N, H/4, W/4, Q]; null without distribution head
     * @param features the feature map at each fusion point (after the hook), in network order
     */
    public record Outputs<T extends TFloating>(Operand<T> abNormalized, Operand<T> ab, Operand<T> logits,
            Map<FusionPoint, Operand<T>> features) {}

    /** The plain network (no fusion). */
    public static <T extends TFloating> Outputs<T> build(ParameterStore<T> p, Operand<T> input, Siggraph17Config cfg) {
        return build(p, input, cfg, FusionHook.identity());
    }

    /** The network with {@code hook} applied at each of the 13 fusion points. */
    public static <T extends TFloating> Outputs<T> build(ParameterStore<T> p, Operand<T> input, Siggraph17Config cfg,
            FusionHook<T> hook) {
        return build(p, input, cfg, hook, null);
    }

    /**
     * The network with {@code hook} at the fusion points and, when {@code hints} is not null, the
     * user hints of {@link HintInputs} (local at {@code conv1_1} and {@code conv3_3}, global at {@code conv4_3}).
     */
    public static <T extends TFloating> Outputs<T> build(ParameterStore<T> p, Operand<T> input, Siggraph17Config cfg,
            FusionHook<T> plainHook, HintInputs.Operands<T> hints) {
        FusionHook<T> hook = hints != null ? HintInputs.withHints(plainHook, hints, cfg) : plainHook;
        long c = Conv2d.channels(input, "input");
        if (c != cfg.inputChannels()) {
            throw new IllegalArgumentException("config wants " + cfg.inputChannels() + " input channels, input has " + c);
        }
        Map<FusionPoint, Operand<T>> features = new EnumMap<>(FusionPoint.class);
        Fuser<T> fuse = (point, x) -> {
            Operand<T> y = hook.fuse(point, x, p);
            features.put(point, y);
            return y;
        };
        int c64 = cfg.channels(64);
        int c128 = cfg.channels(128);
        int c256 = cfg.channels(256);
        int c512 = cfg.channels(512);

        Operand<T> x = normalizeInput(p, input);
        Operand<T> conv1_1 = Conv2d.apply(p, "conv1_1", x, Conv2d.Spec.of(c64, 3));
        if (hints != null) conv1_1 = p.tf("conv1_1").math.add(conv1_1, HintInputs.local(p, hints, c64));
        Operand<T> conv1 = convRelu(p, "conv1_2", relu(p, "conv1_1", conv1_1), c64, 1);
        conv1 = fuse.at(FusionPoint.CONV1_2, BatchNorm.apply(p, "conv1_norm", conv1));
        Operand<T> conv2 = fuse.at(FusionPoint.CONV2_2, block(p, "conv2", subsample(p, "conv2", conv1), 2, c128, 1));
        Operand<T> conv3 = fuse.at(FusionPoint.CONV3_3, block(p, "conv3", subsample(p, "conv3", conv2), 3, c256, 1));
        Operand<T> y = fuse.at(FusionPoint.CONV4_3, block(p, "conv4", subsample(p, "conv4", conv3), 3, c512, 1));
        y = fuse.at(FusionPoint.CONV5_3, block(p, "conv5", y, 3, c512, 2));
        y = fuse.at(FusionPoint.CONV6_3, block(p, "conv6", y, 3, c512, 2));
        y = fuse.at(FusionPoint.CONV7_3, block(p, "conv7", y, 3, c512, 1));

        y = fuse.at(FusionPoint.CONV8_UP, up(p, "conv8_up", y, "conv3_short8", conv3, c256));
        y = convRelu(p, "conv8_2", relu(p, "conv8_up", y), c256, 1);
        y = convRelu(p, "conv8_3", y, c256, 1);
        Operand<T> conv8 = fuse.at(FusionPoint.CONV8_3, BatchNorm.apply(p, "conv8_norm", y));

        Operand<T> logits = null;
        if (cfg.classes() > 0) {
            logits = Conv2d.apply(p, "out_class", conv8, Conv2d.Spec.of(cfg.classes(), 1));
        }
        Operand<T> abNorm = null;
        Operand<T> ab = null;
        if (cfg.regression()) {
            y = fuse.at(FusionPoint.CONV9_UP, up(p, "conv9_up", conv8, "conv2_short9", conv2, c128));
            y = convRelu(p, "conv9_2", relu(p, "conv9_up", y), c128, 1);
            y = fuse.at(FusionPoint.CONV9_3, BatchNorm.apply(p, "conv9_norm", y));

            y = fuse.at(FusionPoint.CONV10_UP, up(p, "conv10_up", y, "conv1_short10", conv1, c128));
            y = Conv2d.apply(p, "conv10_2", relu(p, "conv10_up", y), Conv2d.Spec.of(c128, 3));
            y = fuse.at(FusionPoint.CONV10_2,
                    Activations.leakyRelu(p.tf("conv10_2"), y, Activations.SIGGRAPH17_LEAKY_SLOPE));

            Ops tf = p.tf("out_reg");
            abNorm = Activations.tanh(tf, Conv2d.apply(p, "out_reg", y, Conv2d.Spec.of(2, 1)));
            ab = tf.withName("ab").math.mul(abNorm, p.scalar(AB_SCALE));
        }
        return new Outputs<>(abNorm, ab, logits, Collections.unmodifiableMap(features));
    }

    @FunctionalInterface
    private interface Fuser<T extends TFloating> {
        Operand<T> at(FusionPoint point, Operand<T> x);
    }

    /** (L − 50)/100 on channel 0, other channels unchanged. */
    private static <T extends TFloating> Operand<T> normalizeInput(ParameterStore<T> p, Operand<T> input) {
        Ops tf = p.tf("input");
        Operand<T> l = tf.stridedSlice(input, Indices.all(), Indices.all(), Indices.all(), Indices.slice(0, 1));
        Operand<T> lNorm = tf.math.div(tf.math.sub(l, p.scalar(L_CENTER)), p.scalar(L_SCALE));
        if (input.shape().size(3) == 1) {
            return lNorm;
        }
        Operand<T> rest = tf.stridedSlice(input, Indices.all(), Indices.all(), Indices.all(), Indices.sliceFrom(1));
        return Spatial.concat(tf, List.of(lNorm, rest));
    }

    /** convNAME_1 … convNAME_n, each followed by ReLU, then convNAME_norm. */
    private static <T extends TFloating> Operand<T> block(ParameterStore<T> p, String name, Operand<T> x, int convs,
            int channels, int dilation) {
        for (int i = 1; i <= convs; i++) {
            x = convRelu(p, name + "_" + i, x, channels, dilation);
        }
        return BatchNorm.apply(p, name + "_norm", x);
    }

    private static <T extends TFloating> Operand<T> convRelu(ParameterStore<T> p, String name, Operand<T> x, int channels,
            int dilation) {
        Operand<T> y = Conv2d.apply(p, name, x, Conv2d.Spec.of(channels, 3).withDilation(dilation));
        return relu(p, name, y);
    }

    private static <T extends TFloating> Operand<T> relu(ParameterStore<T> p, String layer, Operand<T> x) {
        return Activations.relu(p.tf(layer), x);
    }

    private static <T extends TFloating> Operand<T> subsample(ParameterStore<T> p, String layer, Operand<T> x) {
        return Spatial.subsample2(p.tf(layer), x);
    }

    /** Transposed conv of {@code x} plus a 3×3 shortcut conv of the encoder map {@code skip}. */
    private static <T extends TFloating> Operand<T> up(ParameterStore<T> p, String name, Operand<T> x, String shortName,
            Operand<T> skip, int channels) {
        Operand<T> upsampled = TransposedConv2d.apply(p, name, x, channels);
        Operand<T> shortcut = Conv2d.apply(p, shortName, skip, Conv2d.Spec.of(channels, 3));
        return p.tf(name).math.add(upsampled, shortcut);
    }
}
