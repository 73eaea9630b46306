package org.colorize.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TFloating;

/**
 * User color hints as extra inputs of the SIGGRAPH17 U-Net (Zhang et al. 2017):
 *
 * <ul>
 *   <li><b>local</b> points: {@value #AB} [N, H, W, 2] the hinted ab / {@link Siggraph17Net#AB_SCALE}
 *       where a hint is, 0 elsewhere, and {@value #MASK} [N, H, W, 1] 1 where a hint is, 0 elsewhere
 *       (Zhang's release convention; InstColorization's −0.5 offset is not used). They enter at the
 *       first convolution: {@code conv1_1(L) + conv1_1_hint([ab, mask])} before its ReLU, which is
 *       exactly a {@code conv1_1} on {@code [L, ab, mask]} whose new input weights start at zero
 *       (kept as a separate variable so the plain network's weights keep their names and shapes);
 *       and once more at {@code conv3_3}, 4×4 average-pooled, through a zero-started 3×3 conv
 *       ({@link #localQuarter});</li>
 *   <li><b>global</b>: {@value #GLOBAL} [N, 1, 1, {@value #GLOBAL_CHANNELS}] = a reference's ab
 *       histogram over Zhang's 313 bins (sum 1), its saturation and a flag that is 1 when a global
 *       hint is given; through a small branch of 1×1 convolutions (Zhang's global-hints network:
 *       315 → C → C → C, ReLU between) added to {@code conv4_3}, the last layer starting at zero.</li>
 * </ul>
 *
 * With every hint input zero (no points, flag 0) and the new weights at their initial zeros, the
 * network computes exactly what the network without hints computed; after training, zero inputs
 * still leave the local path at 0 (no bias) while the global branch adds its learned "no global
 * hint" offset. Variables live under {@code hints/}.
 */
public final class HintInputs {
    /** Input name of the local hints' ab (ab / 110), 2 channels at the network size. */
    public static final String AB = "hint_ab";
    /** Input name of the local hints' mask (1 at a hint, else 0), 1 channel at the network size. */
    public static final String MASK = "hint_mask";
    /** Input name of the global hint: histogram, saturation, flag. */
    public static final String GLOBAL = "global_hint";
    /** Bins of the global histogram: Zhang's in-gamut ab bins. */
    public static final int HISTOGRAM_BINS = org.colorize.color.GlobalHint.BINS;
    /** Index of the saturation inside {@link #GLOBAL}. */
    public static final int SATURATION = HISTOGRAM_BINS;
    /** Index of the "a global hint is given" flag inside {@link #GLOBAL}. */
    public static final int FLAG = HISTOGRAM_BINS + 1;
    public static final int GLOBAL_CHANNELS = org.colorize.color.GlobalHint.CHANNELS;

    /**
     * The zero-started hint weights are used as {@value #WEIGHT_SCALE} × the stored variable: Adam
     * moves a variable by about its learning rate per step whatever the gradient's size, so this is
     * a learning rate {@value #WEIGHT_SCALE} times the network's for the new weights (a warm-started
     * run is short; the pretrained weights keep the small rate).
     */
    public static final double WEIGHT_SCALE = 10;

    private HintInputs() {
    }

    /**
     * The hint operands of a graph.
     *
     * @param ab     [N, H, W, 2]
     * @param mask   [N, H, W, 1]
     * @param global [N, 1, 1, {@value #GLOBAL_CHANNELS}]
     */
    public record Operands<T extends TFloating>(Operand<T> ab, Operand<T> mask, Operand<T> global) {
        public Operands {
            if (ab == null || mask == null || global == null) throw new IllegalArgumentException("hint operands must all be given");
        }
    }

    /** The local hints' contribution to {@code conv1_1}'s pre-activation ([ab, mask] through a 3×3 conv, zero start). */
    static <T extends TFloating> Operand<T> local(ParameterStore<T> p, Operands<T> h, int channels) {
        Ops tf = p.tf("hints/conv1_1");
        Operand<T> x = Spatial.concat(tf, List.of(h.ab(), h.mask()));
        Variable<T> w = p.parameter("hints/conv1_1/weight", Shape.of(3, 3, 3, channels), Init.zeros());
        p.flops().add("hints/conv1_1", FlopCounter.pixels(x), 9L * 3 * channels);
        return tf.nn.conv2d(x, tf.math.mul(w, p.scalar(WEIGHT_SCALE)), List.of(1L, 1L, 1L, 1L), "SAME");
    }

    /** Side of the average pooling that brings the local hints to {@code conv3_3}'s scale (1/4). */
    static final int CONV3_STRIDE = 4;

    /**
     * {@code hook}, then at {@code conv3_3} the local hints again at its scale and at {@code conv4_3}
     * the global branch, each added after the hook's own fusion.
     */
    static <T extends TFloating> FusionHook<T> withHints(FusionHook<T> hook, Operands<T> h, Siggraph17Config cfg) {
        return (point, features, p) -> {
            Operand<T> y = hook.fuse(point, features, p);
            if (point == FusionPoint.CONV3_3) return p.tf("hints/conv3").math.add(y, localQuarter(p, h, cfg.channels(256)));
            if (point != FusionPoint.CONV4_3) return y;
            int c = cfg.channels(512);
            Operand<T> g = dense(p, "hints/global_1", h.global(), GLOBAL_CHANNELS, c, false);
            g = Activations.relu(p.tf("hints/global_1"), g);
            g = Activations.relu(p.tf("hints/global_2"), dense(p, "hints/global_2", g, c, c, false));
            g = dense(p, "hints/global_3", g, c, c, true);
            return p.tf("hints/global").math.add(y, g); // [N,1,1,C] broadcast over H, W
        };
    }

    /**
     * The local hints, 4×4 average-pooled (ab and mask means: a hint covering part of a cell counts
     * in proportion), through a zero-started 3×3 conv, for {@code conv3_3}: the classes head reads
     * that scale through its shortcut, so a hint reaches the output without first having to be
     * carried through conv1 and conv2 (a short warm-started run learns this path first).
     */
    static <T extends TFloating> Operand<T> localQuarter(ParameterStore<T> p, Operands<T> h, int channels) {
        Ops tf = p.tf("hints/conv3_3");
        Operand<T> x = Spatial.concat(tf, List.of(h.ab(), h.mask()));
        Operand<T> pooled = tf.nn.avgPool(x, List.of(1L, (long) CONV3_STRIDE, (long) CONV3_STRIDE, 1L),
                List.of(1L, (long) CONV3_STRIDE, (long) CONV3_STRIDE, 1L), "VALID");
        Variable<T> w = p.parameter("hints/conv3_3/weight", Shape.of(3, 3, 3, channels), Init.zeros());
        p.flops().add("hints/conv3_3", FlopCounter.pixels(pooled), 9L * 3 * channels);
        return tf.nn.conv2d(pooled, tf.math.mul(w, p.scalar(WEIGHT_SCALE)), List.of(1L, 1L, 1L, 1L), "SAME");
    }

    private static <T extends TFloating> Operand<T> dense(ParameterStore<T> p, String name, Operand<T> x, int in, int out,
            boolean zero) {
        Variable<T> w = p.parameter(name + "/weight", Shape.of(1, 1, in, out), zero ? Init.zeros() : Init.heNormal(in));
        Variable<T> b = p.parameter(name + "/bias", Shape.of(out), Init.zeros());
        Ops tf = p.tf(name);
        p.flops().add(name, FlopCounter.pixels(x), (long) in * out);
        Operand<T> weight = zero ? tf.math.mul(w, p.scalar(WEIGHT_SCALE)) : w;
        Operand<T> bias = zero ? tf.math.mul(b, p.scalar(WEIGHT_SCALE)) : b;
        return tf.nn.biasAdd(tf.nn.conv2d(x, weight, List.of(1L, 1L, 1L, 1L), "VALID"), bias);
    }
}
