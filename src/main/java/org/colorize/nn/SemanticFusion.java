package org.colorize.nn;

import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * Frozen detector features fused into the SIGGRAPH17 U-Net, the two ways the literature proposes:
 *
 * <ul>
 *   <li><b>hypercolumns</b> (Larsson et al. 2016): per-pixel detector features at the U-Net's
 *       matching scales, batch-normalized and projected by a 1×1 conv onto the encoder map:
 *       {@link #S8} (stride-8 backbone tap) at {@code conv3_3} (1/4 of the input), {@link #S16}
 *       (stride-16 and stride-32 taps and the 80-class heatmap) at {@code conv4_3} (1/8);</li>
 *   <li><b>global</b> (Iizuka et al. 2016): a vector per image (the mean of the stride-32 tap and the
 *       per-class maximum of the heatmap over the view) through a fully connected layer, tiled over
 *       the bottleneck and concatenated with {@code conv5_3}, then a 1×1 conv.</li>
 * </ul>
 *
 * Each fusion is residual, {@code x + conv1x1(...)} with the projection initialized to zero, so a
 * network warm-started from a plain U-Net's weights begins exactly where that network was and
 * learns how much of the features to use. Variables live under {@code semantic/}.
 */
public final class SemanticFusion<T extends TFloating> implements FusionHook<T> {
    /** Input name of the stride-8 features at 1/4 of the network input. */
    public static final String S8 = "feat_s8";
    /** Input name of the stride-16 group (s16 tap, s32 tap, heatmap) at 1/8 of the network input. */
    public static final String S16 = "feat_s16";
    /** Channels of {@link #S8}: the detector's stride-8 tap. */
    public static final int S8_CHANNELS = 96;
    /** Channels of the stride-16 tap, the stride-32 tap and the heatmap inside {@link #S16}, in that order. */
    public static final int TAP16_CHANNELS = 88;
    public static final int TAP32_CHANNELS = 120;
    public static final int HEATMAP_CHANNELS = 80;
    public static final int S16_CHANNELS = TAP16_CHANNELS + TAP32_CHANNELS + HEATMAP_CHANNELS;
    /** Downsampling of {@link #S8} and {@link #S16} relative to the network input. */
    public static final int S8_STRIDE = 4;
    public static final int S16_STRIDE = 8;

    /** Which fusions a network has. */
    public enum Mode {
        NONE(false, false), GLOBAL(true, false), HYPERCOLUMNS(false, true), BOTH(true, true);

        private final boolean global;
        private final boolean hypercolumns;

        Mode(boolean global, boolean hypercolumns) {
            this.global = global;
            this.hypercolumns = hypercolumns;
        }

        public boolean global() {
            return global;
        }

        public boolean hypercolumns() {
            return hypercolumns;
        }

        /** The inputs the network reads besides L. */
        public List<String> inputs() {
            if (this == NONE) return List.of();
            return hypercolumns ? List.of(S8, S16) : List.of(S16);
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode parse(String key) {
            for (Mode m : values()) if (m.key().equalsIgnoreCase(key.trim())) return m;
            throw new IllegalArgumentException("features must be none, global, hypercolumns or both, was '" + key + "'");
        }
    }

    private final Mode mode;
    private final Operand<T> s8;
    private final Operand<T> s16;
    private final Siggraph17Config config;
    private Operand<T> s16Normalized;

    /**
     * @param s8  [N, H/4, W/4, {@value #S8_CHANNELS}] (null unless hypercolumns)
     * @param s16 [N, H/8, W/8, {@value #S16_CHANNELS}]
     */
    public SemanticFusion(Mode mode, Siggraph17Config config, Operand<T> s8, Operand<T> s16) {
        this.mode = mode;
        this.config = config;
        this.s8 = s8;
        this.s16 = s16;
    }

    @Override
    public Operand<T> fuse(FusionPoint point, Operand<T> features, ParameterStore<T> p) {
        if (mode.hypercolumns() && point == FusionPoint.CONV3_3) {
            return residual(p, "semantic/hyper_s8", features, BatchNorm.apply(p, "semantic/s8_norm", s8));
        }
        if (mode.hypercolumns() && point == FusionPoint.CONV4_3) {
            return residual(p, "semantic/hyper_s16", features, normalizedS16(p));
        }
        if (mode.global() && point == FusionPoint.CONV5_3) {
            Ops tf = p.tf("semantic/global");
            Operand<T> group = normalizedS16(p);
            Operand<T> tap32 = tf.stridedSlice(group, Indices.all(), Indices.all(), Indices.all(),
                    Indices.slice(TAP16_CHANNELS, TAP16_CHANNELS + TAP32_CHANNELS));
            Operand<T> heat = tf.stridedSlice(group, Indices.all(), Indices.all(), Indices.all(),
                    Indices.sliceFrom(TAP16_CHANNELS + TAP32_CHANNELS));
            Operand<TInt32> hw = tf.constant(new int[] {1, 2});
            Operand<T> vector = tf.concat(List.of(tf.math.mean(tap32, hw), tf.max(heat, hw)), tf.constant(1));
            int width = config.channels(512);
            Variable<T> w = p.parameter("semantic/global_fc/weight", Shape.of(TAP32_CHANNELS + HEATMAP_CHANNELS, width),
                    Init.heNormal(TAP32_CHANNELS + HEATMAP_CHANNELS));
            Variable<T> b = p.parameter("semantic/global_fc/bias", Shape.of(width), Init.zeros());
            Operand<T> g = Activations.relu(tf, tf.nn.biasAdd(tf.linalg.matMul(vector, w), b));
            Operand<T> g4 = tf.reshape(g, tf.constant(new int[] {-1, 1, 1, width}));
            Operand<TInt32> shape = tf.shape(features);
            Operand<TInt32> multiples = tf.concat(List.of(tf.constant(new int[] {1}),
                    tf.slice(shape, tf.constant(new int[] {1}), tf.constant(new int[] {2})), tf.constant(new int[] {1})),
                    tf.constant(0));
            Operand<T> tiled = tf.tile(g4, multiples);
            return residual(p, "semantic/global_fuse", features, Spatial.concat(tf, List.of(features, tiled)));
        }
        return features;
    }

    private Operand<T> normalizedS16(ParameterStore<T> p) {
        if (s16Normalized == null) s16Normalized = BatchNorm.apply(p, "semantic/s16_norm", s16);
        return s16Normalized;
    }

    /** {@code x + conv1x1(extra)}, the 1×1 weights starting at zero. */
    private Operand<T> residual(ParameterStore<T> p, String name, Operand<T> x, Operand<T> extra) {
        long in = extra.shape().size(3);
        long out = x.shape().size(3);
        Variable<T> w = p.parameter(name + "/weight", Shape.of(1, 1, in, out), Init.zeros());
        Variable<T> b = p.parameter(name + "/bias", Shape.of(out), Init.zeros());
        Ops tf = p.tf(name);
        Operand<T> y = tf.nn.biasAdd(tf.nn.conv2d(extra, w, List.of(1L, 1L, 1L, 1L), "SAME"), b);
        p.flops().add(name, FlopCounter.pixels(x), in * out);
        return tf.math.add(x, y);
    }
}
