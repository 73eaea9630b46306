package org.colorize.nn;

import org.colorize.color.AbNormalization;
import java.nio.file.Path;
import java.util.List;
import org.colorize.color.AbGamut;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * Zhang et al. 2016's ECCV16 classification network ("Colorful Image Colorization", the PyTorch
 * release {@code colorization_release_v2}), written once for inference graphs and SavedModel export.
 *
 * <p>Encoder blocks conv-ReLU…-BatchNorm, all 3×3: conv1 2×64 and conv2 2×128 whose second conv
 * has stride 2, conv3 3×256 whose third conv has stride 2 (all with PyTorch's padding 1, which is
 * not TF's SAME for stride 2: {@link Conv2d} pads explicitly), conv4 3×512, conv5 and conv6 3×512
 * dilation 2, conv7 3×512 — no shortcuts. conv8: transposed conv (k4 s2, →256), ReLU, 2 convs
 * 256 + ReLU, 1×1 conv to the 313 bin logits {@code out_class} at 1/4 of the input size. The
 * release decodes them with softmax (temperature 1), a fixed 1×1 conv {@code out_decode} whose
 * weights are the bin centers / 110, a bilinear ×4 upsampling and ×110.
 *
 * <p>Variable names → keys of the release's state dict: {@code convB_i} = {@code modelB.(2i−2)},
 * {@code convB_norm} = {@code modelB.(2n)} for a block of n convs; {@code conv8_1} (transposed),
 * {@code conv8_2}, {@code conv8_3}, {@code out_class} = {@code model8.0, .2, .4, .6};
 * {@code out_decode} = {@code model_out} (no Sequential index). {@code out_decode/weight} is model
 * state initialized to {@link AbGamut#zhang()}'s centers / 110 in its bin order (a, then b).
 *
 * <p>Input: NHWC L in 0…100 (normalized inside as (L − 50)/100), H and W multiples of 8.
 */
public final class Eccv16Net {
    /** The release's ab scale: the decode's weights are centers / 110, its output is × 110. */
    public static final double AB_SCALE = AbNormalization.SCALE;
    /** Every input side must be a multiple of this (three stride-2 convolutions). */
    public static final int SIZE_MULTIPLE = 8;
    /** The distribution head predicts at 1/4 of the input size; the release upsamples by this. */
    public static final int OUTPUT_STRIDE = 4;

    private Eccv16Net() {}

    /**
     * What the network computes.
     *
     * @param logits the 313 bin scores, [N, H/4, W/4, 313]
     * @param ab the release's output: softmax, decode, bilinear ×4, ×110, [N, H, W, 2] in ab units
     */
    public record Outputs<T extends TFloating>(Operand<T> logits, Operand<T> ab) {}

    public static <T extends TFloating> Outputs<T> build(ParameterStore<T> p, Operand<T> l, Eccv16Config cfg) {
        if (Conv2d.channels(l, "input") != 1) throw new IllegalArgumentException("ECCV16 takes one L channel, input is " + l.shape());
        int c64 = cfg.channels(64);
        int c128 = cfg.channels(128);
        int c256 = cfg.channels(256);
        int c512 = cfg.channels(512);
        Ops in = p.tf("input");
        Operand<T> x = in.math.div(in.math.sub(l, p.scalar(Siggraph17Net.L_CENTER)), p.scalar(Siggraph17Net.L_SCALE));
        x = block(p, "conv1", x, c64, 2, 1, 2);
        x = block(p, "conv2", x, c128, 2, 1, 2);
        x = block(p, "conv3", x, c256, 3, 1, 2);
        x = block(p, "conv4", x, c512, 3, 1, 1);
        x = block(p, "conv5", x, c512, 3, 2, 1);
        x = block(p, "conv6", x, c512, 3, 2, 1);
        x = block(p, "conv7", x, c512, 3, 1, 1);
        x = relu(p, "conv8_1", TransposedConv2d.apply(p, "conv8_1", x, c256));
        x = relu(p, "conv8_2", Conv2d.apply(p, "conv8_2", x, Conv2d.Spec.of(c256, 3)));
        x = relu(p, "conv8_3", Conv2d.apply(p, "conv8_3", x, Conv2d.Spec.of(c256, 3)));
        Operand<T> logits = Conv2d.apply(p, "out_class", x, Conv2d.Spec.of(Eccv16Config.CLASSES, 1));
        return new Outputs<>(logits, decode(p, logits));
    }

    /** convNAME_1 … convNAME_n with ReLU, the last one strided by {@code lastStride}, then convNAME_norm. */
    private static <T extends TFloating> Operand<T> block(ParameterStore<T> p, String name, Operand<T> x, int channels,
            int convs, int dilation, int lastStride) {
        for (int i = 1; i <= convs; i++) {
            Conv2d.Spec spec = Conv2d.Spec.of(channels, 3).withDilation(dilation);
            if (i == convs && lastStride > 1) spec = spec.withStride(lastStride);
            x = relu(p, name + "_" + i, Conv2d.apply(p, name + "_" + i, x, spec));
        }
        return BatchNorm.apply(p, name + "_norm", x);
    }

    private static <T extends TFloating> Operand<T> relu(ParameterStore<T> p, String layer, Operand<T> x) {
        return Activations.relu(p.tf(layer), x);
    }

    /** softmax → 1×1 conv by the bin centers / 110 → bilinear ×4 → ×110: the release's expectation over the bins. */
    private static <T extends TFloating> Operand<T> decode(ParameterStore<T> p, Operand<T> logits) {
        AbGamut bins = AbGamut.zhang();
        int q = bins.size();
        Variable<T> centers = p.state("out_decode/weight", Shape.of(1, 1, q, 2), new Init() {
            @Override
            public <U extends TFloating> Operand<U> value(Ops tf, Shape shape, Class<U> type, long[] seed) {
                float[] w = bins.centers(); // {a0, b0, a1, b1, …}: row-major [q, 2], the layout of [1, 1, q, 2]
                for (int i = 0; i < w.length; i++) w[i] /= (float) AB_SCALE;
                return tf.dtypes.cast(tf.constant(shape, DataBuffers.of(w, true, false)), type);
            }
        });
        Ops tf = p.tf("out_decode");
        Operand<T> probabilities = tf.nn.softmax(logits);
        Operand<T> abOver110 = tf.nn.conv2d(probabilities, centers, List.of(1L, 1L, 1L, 1L), "VALID");
        Operand<TInt32> hw = tf.math.mul(tf.slice(tf.shape(logits), tf.constant(new int[] {1}), tf.constant(new int[] {2})),
                tf.constant(OUTPUT_STRIDE));
        Operand<T> upsampled = Spatial.resizeBilinear(tf, abOver110, hw);
        return tf.withName("ab").math.mul(upsampled, p.scalar(AB_SCALE));
    }

    /** A serving graph: its signature, its input and what it computes. */
    public record Serving(Signature signature, Placeholder<TFloat32> l, Outputs<TFloat32> outputs) {}

    /** The serving graph: input {@value SavedModelExport#INPUT} (L), outputs ab and the bin logits. */
    public static Serving serving(ParameterStore<TFloat32> store, Eccv16Config cfg) {
        Placeholder<TFloat32> l = store.tf().withName(SavedModelExport.INPUT)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
        Outputs<TFloat32> out = build(store, l, cfg);
        Signature sig = Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l)
                .output(SavedModelExport.OUTPUT_AB, out.ab()).output(SavedModelExport.OUTPUT_LOGITS, out.logits()).build();
        return new Serving(sig, l, out);
    }

    /** Exports the network with the weights of {@code trained} (variables of the same names) to {@code dir}. */
    public static void exportSavedModel(Path dir, Session trained, Eccv16Config cfg) {
        SavedModelExport.export(dir, trained, store -> serving(store, cfg).signature());
    }
}
