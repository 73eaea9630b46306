package org.colorize.nn;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * InstColorization's fusion module (Su et al. 2020) as a {@link FusionHook} of the full-image
 * network. At each fusion point, with full-image features F [1, n, n, C] and the instance
 * network's features I [K, n, n, C] at the same point:
 * <ol>
 * <li>a small net (3×3 convs C→w→w→1, each followed by ReLU; w = {@link FusionConfig#weightChannels()},
 * 16 published; or one 3×3 conv C→1, {@link FusionConfig#LEAN}) predicts a weight map from each
 * instance's features ({@code fusion/POINT/instance/…}) and another one from F
 * ({@code fusion/POINT/bg/…});</li>
 * <li>instance maps and features are resized (bilinear) into their box at this scale and zero-padded
 * to full size, by the matrices of {@link FusionGeometry} (as one tensor: the map is one more channel);</li>
 * <li>an instance's map outside its own box is, by {@link FusionConfig#outsideBox()}, either excluded
 * ({@link #OUTSIDE_BOXES} subtracted: the instance never weighs in there; this project's training) or 0,
 * as the paper's zero padding leaves it (an imported InstColorization checkpoint);</li>
 * <li>with {@link FusionConfig#boxSizeTerm()}, a learned multiple of the box's area fraction is added to
 * its instance's logit ({@link #BOX_SIZE});</li>
 * <li>a softmax across the K + 1 maps per pixel gives weights summing to 1; output = Σ weight · features,
 * and exactly F outside the union of the boxes ({@link #blend}).</li>
 * </ol>
 * With {@link FusionConfig#rectifiedInstanceUp()} the instance features at the three upsampling
 * points are rectified first, as InstColorization's in-place ReLU leaves them.
 * Only {@code fusion/} variables are created; the instance features must come from a network that
 * does not itself depend on the fusion (the instance network runs unfused).
 */
public final class InstanceFusion<T extends TFloating> implements FusionHook<T> {
    /** Channels of the weight-map nets (InstColorization's {@code inner_ch}). */
    public static final int WEIGHT_NET_CHANNELS = 16;
    /**
     * The logit offset subtracted from an instance outside its own box, which makes its weight
     * exactly 0 in float32 (exp(−1e4) underflows). The paper instead adds a large constant (1e10) to
     * the background outside the boxes; here {@link #blend} leaves F unchanged there.
     */
    public static final double OUTSIDE_BOXES = 1e4;
    /**
     * Where a new fusion starts: each weight map's last conv has zero weights, so the maps start as
     * these constants, and inside a box an instance's weight starts at e^0.1 / (e^5 + e^0.1) < 1 %.
     * Training thus starts from the full-image net's own features, not from a blend of two networks'
     * features that the full-image layers after it never saw. The instance constant is positive so
     * that the published variant's ReLU passes gradients.
     */
    public static final double BACKGROUND_INITIAL_LOGIT = 5;
    /** See {@link #BACKGROUND_INITIAL_LOGIT}. */
    public static final double INSTANCE_INITIAL_LOGIT = 0.1;
    /** The prefix of every fusion variable. */
    public static final String SCOPE = "fusion";
    /** The points right after a transposed conv and its shortcut, which a ReLU follows (see {@link FusionConfig#rectifiedInstanceUp()}). */
    static final java.util.Set<FusionPoint> UPSAMPLING = java.util.EnumSet.of(FusionPoint.CONV8_UP, FusionPoint.CONV9_UP,
            FusionPoint.CONV10_UP);

    private final Map<FusionPoint, Operand<T>> instanceFeatures;
    private final Map<Integer, Operand<T>> rows;
    private final Map<Integer, Operand<T>> cols;
    private final FusionConfig config;
    private final Map<Integer, BoxOffsets<T>> offsets = new java.util.HashMap<>();
    private final Map<Integer, Operand<T>> tiledCols = new java.util.HashMap<>();
    private Operand<T> boxAreas;

    /** {@link #InstanceFusion(Map, Map, Map, FusionConfig)} with {@link FusionConfig#COLORIZE}. */
    public InstanceFusion(Map<FusionPoint, Operand<T>> instanceFeatures, Map<Integer, Operand<T>> rows,
            Map<Integer, Operand<T>> cols) {
        this(instanceFeatures, rows, cols, FusionConfig.COLORIZE);
    }

    /**
     * @param instanceFeatures the instance network's features at each fusion point, [K, n, n, C]
     * @param rows per stride, [K, n, n]: the y resampling matrices of {@link FusionGeometry.Inputs}
     * @param cols per stride, [K, n, n]: the x resampling matrices
     * @param config weight-net width and the instance logit outside its box
     */
    public InstanceFusion(Map<FusionPoint, Operand<T>> instanceFeatures, Map<Integer, Operand<T>> rows,
            Map<Integer, Operand<T>> cols, FusionConfig config) {
        this.instanceFeatures = Map.copyOf(instanceFeatures);
        this.rows = Map.copyOf(rows);
        this.cols = Map.copyOf(cols);
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    @Override
    public Operand<T> fuse(FusionPoint point, Operand<T> features, ParameterStore<T> store) {
        Operand<T> inst = instanceFeatures.get(point);
        if (inst == null) throw new IllegalArgumentException("no instance features at " + point.layerName());
        String name = SCOPE + "/" + point.layerName();
        Ops tf = store.tf(name);
        if (config.rectifiedInstanceUp() && UPSAMPLING.contains(point)) inst = Activations.relu(tf, inst);
        BoxOffsets<T> boxOffsets = offsets.computeIfAbsent(point.stride(), s -> BoxOffsets.of(store, s, rows.get(s), cols.get(s)));
        Operand<T> instMap = weightNet(store, name + "/instance", inst, config, INSTANCE_INITIAL_LOGIT);
        Operand<T> bgMap = weightNet(store, name + "/bg", features, config, BACKGROUND_INITIAL_LOGIT);
        Operand<T> r = rows.get(point.stride());
        Operand<T> c = tiledCols.computeIfAbsent(point.stride(), s -> tileColumns(store.tf(SCOPE + "/cols_s" + s), cols.get(s)));
        // features and map resampled together: one warp of C + 1 channels, half the batched matmuls of two
        int ch = (int) inst.shape().size(3);
        Operand<T> warped = warp(tf, tf.concat(List.of(inst, instMap), tf.constant(3)), r, c);
        Operand<T> warpedFeatures = tf.stridedSlice(warped, Indices.all(), Indices.all(), Indices.all(), Indices.slice(0, ch));
        Operand<T> warpedMap = tf.stridedSlice(warped, Indices.all(), Indices.all(), Indices.all(), Indices.sliceFrom(ch));
        Operand<T> instOffset = config.outsideBox() == FusionConfig.OutsideBox.EXCLUDED ? boxOffsets.instance() : null;
        if (config.boxSizeTerm()) {
            // made from the geometry alone, so it is ready before the maps and adds no op to their path
            Operand<T> sizeTerm = tf.math.mul(store.parameter(name + "/" + BOX_SIZE, Shape.of(1), Init.zeros()), boxAreas(store));
            instOffset = instOffset == null ? sizeTerm : tf.math.add(instOffset, sizeTerm);
        }
        // without an offset the map stays zero-padded outside the box, as warp leaves it
        Operand<T> instLogits = instOffset == null ? warpedMap : tf.math.add(warpedMap, instOffset);
        // excluded instances are already exactly 0 outside their own box; zero logits outside it must be kept off the
        // background outside every box; a rectified background map needs no floor
        return blend(tf, store, features, bgMap, instLogits, warpedFeatures,
                config.outsideBox() == FusionConfig.OutsideBox.EXCLUDED ? null : boxOffsets.union(), config.hiddenConvs() == 0);
    }

    /**
     * The softmax blend over background and instances, written so that few ops wait on the full
     * image: output = F + Σ_k w_k (I_k − F) with w_k = e_k / (e_bg + Σ_j e_j), where the instances'
     * e_k = exp(logit_k), times {@code insideUnion} when given, and their sums Σ e_k and Σ e_k I_k
     * come from the instance side only, which runs beside the full-image net. Outside every box
     * Σ e = 0 and the output is F exactly ({@code insideUnion} null: the instance logits already make
     * it so). Logits are capped at {@value #MAX_LOGIT} (and a signed background map floored at
     * −{@value #MAX_LOGIT}) instead of shifted by their maximum: e^60 leaves room for the sums in
     * float32. The cap changes the weights only where a logit passes it; the shipped fusion's
     * rebuilt graph gave the old graph's ab within 4·10⁻⁵.
     */
    static <T extends TFloating> Operand<T> blend(Ops tf, ParameterStore<T> store, Operand<T> features, Operand<T> bgMap,
            Operand<T> instLogits, Operand<T> instFeatures, Operand<T> insideUnion, boolean signedBackground) {
        Operand<T> cap = store.scalar(MAX_LOGIT);
        Operand<T> e = tf.math.exp(tf.math.minimum(instLogits, cap));
        if (insideUnion != null) e = tf.math.mul(e, insideUnion);
        org.tensorflow.op.core.ReduceSum.Options keep = org.tensorflow.op.core.ReduceSum.keepDims(true);
        Operand<T> sumE = tf.reduceSum(e, tf.constant(new int[] {0}), keep);
        Operand<T> sumEI = tf.reduceSum(tf.math.mul(e, instFeatures), tf.constant(new int[] {0}), keep);
        Operand<T> eBg = tf.math.exp(tf.math.minimum(signedBackground ? tf.math.maximum(bgMap, tf.math.neg(cap)) : bgMap, cap));
        Operand<T> shift = tf.math.div(tf.math.sub(sumEI, tf.math.mul(sumE, features)), tf.math.add(eBg, sumE));
        return tf.math.add(features, shift);
    }

    /** See {@link #blend}. */
    static final double MAX_LOGIT = 60;

    /**
     * The variable, under each fusion point, of {@link FusionConfig#boxSizeTerm()}: the learned weight
     * of a box's area (as a fraction of the image) in its instance's logit.
     */
    public static final String BOX_SIZE = "instance/box_size";

    /**
     * Each box's area as a fraction of the image, [K, 1, 1, 1], from the finest stride's matrices given
     * (in-box rows and columns of R and C sum to 1, others to 0): the one fact about an instance that
     * its weight net cannot see, as every crop reaches it resized to the same side.
     */
    private Operand<T> boxAreas(ParameterStore<T> store) {
        if (boxAreas == null) {
            int finest = java.util.Collections.min(rows.keySet());
            Ops tf = store.tf(SCOPE + "/box_areas");
            Operand<T> height = tf.math.mean(tf.reduceSum(rows.get(finest), tf.constant(2)), tf.constant(1));
            Operand<T> width = tf.math.mean(tf.reduceSum(cols.get(finest), tf.constant(2)), tf.constant(1));
            boxAreas = tf.reshape(tf.math.mul(height, width), tf.constant(new int[] {-1, 1, 1, 1}));
        }
        return boxAreas;
    }

    /**
     * What the boxes give at one stride, made once per stride (they depend only on the geometry):
     * {@code instance} [K, n, n, 1] is −{@link #OUTSIDE_BOXES} outside each instance's own box and 0
     * inside; {@code union} [1, n, n, 1] is 1 inside the union of the boxes and 0 outside.
     */
    record BoxOffsets<T extends TFloating>(Operand<T> instance, Operand<T> union) {
        static <T extends TFloating> BoxOffsets<T> of(ParameterStore<T> store, int stride, Operand<T> r, Operand<T> c) {
            Ops tf = store.tf(SCOPE + "/boxes_s" + stride);
            // inside[k, i, j] = (row i in box k) · (column j in box k): in-box rows of R sum to 1, others to 0
            Operand<T> inRow = tf.expandDims(tf.expandDims(tf.reduceSum(r, tf.constant(2)), tf.constant(2)), tf.constant(3));
            Operand<T> inCol = tf.expandDims(tf.expandDims(tf.reduceSum(c, tf.constant(2)), tf.constant(1)), tf.constant(3));
            Operand<T> inside = tf.math.mul(inRow, inCol);
            Operand<T> one = store.scalar(1);
            Operand<T> big = store.scalar(OUTSIDE_BOXES);
            // a zero row first, so that the union of no boxes (K = 0) is empty rather than −∞; its size from the static map
            // sides, as a slice of an empty batch cannot give it
            Operand<T> zero = tf.zeros(tf.constant(new long[] {1, r.shape().size(1), c.shape().size(1), 1}), store.dtype());
            Operand<T> union = tf.reduceMax(tf.concat(List.of(zero, inside), tf.constant(0)), tf.constant(new int[] {0}),
                    org.tensorflow.op.core.ReduceMax.keepDims(true));
            return new BoxOffsets<>(tf.math.mul(tf.math.sub(one, inside), tf.math.neg(big)), union);
        }
    }

    /**
     * Published: conv_0 → ReLU → conv_2 → ReLU → conv_4 → ReLU (indices as in the published
     * Sequential). With no hidden convs: conv_0 alone, without a ReLU, because a single conv's map
     * must be able to say "less than the background" (a rectified one-conv map is 0, and gets no
     * gradient, wherever the conv is negative).
     */
    static <T extends TFloating> Operand<T> weightNet(ParameterStore<T> store, String name, Operand<T> x, FusionConfig config,
            double initialBias) {
        Operand<T> y = x;
        for (int i = 0; i < config.hiddenConvs(); i++) {
            String conv = name + "/conv_" + 2 * i;
            y = Activations.relu(store.tf(conv), Conv2d.apply(store, conv, y, Conv2d.Spec.of(config.weightChannels(), 3)));
        }
        String conv = name + "/conv_" + 2 * config.hiddenConvs();
        Operand<T> map = Conv2d.zeroStart(store, conv, y, Conv2d.Spec.of(1, 3), initialBias);
        return config.hiddenConvs() == 0 ? map : Activations.relu(store.tf(conv), map);
    }

    /**
     * C [K, n, m] repeated for each of the m source rows, [K·m, n, m], so that {@link #warp}'s column pass is one batched
     * matmul over (instance, source row) without moving the column axis first; made once per stride.
     */
    static <T extends TFloating> Operand<T> tileColumns(Ops tf, Operand<T> c) {
        int n = (int) c.shape().size(1);
        int m = (int) c.shape().size(2);
        Operand<T> repeated = tf.tile(tf.expandDims(c, tf.constant(1)), tf.constant(new int[] {1, m, 1, 1}));
        return tf.reshape(repeated, tf.constant(new int[] {-1, n, m}));
    }

    /**
     * Z[k] = R[k] · X[k] · C[k]ᵀ per channel: X [K, m, m, C] (rows, columns, channels), R [K, n, m] and C given as
     * {@link #tileColumns} of [K, n, m]; bilinear resize of each map into its box, zeros elsewhere. Two batched matmuls
     * and reshapes only: transposes cost as much as the matmuls on these small maps.
     */
    static <T extends TFloating> Operand<T> warp(Ops tf, Operand<T> x, Operand<T> r, Operand<T> tiledCols) {
        int n = (int) r.shape().size(1);
        int m = (int) r.shape().size(2);
        int ch = (int) x.shape().size(3);
        if (n < 1 || m < 1 || ch < 1) {
            throw new IllegalArgumentException("fusion needs static map sizes (from the geometry, " + r.shape()
                    + ") and static channels (" + x.shape() + ")");
        }
        // K is the only unknown size: the reshapes leave it to TF (-1) instead of building shapes from tf.shape
        // columns: Y[(k, a), j, c] = Σ_b C[k, j, b] X[k, a, b, c]
        Operand<T> y = batchMatMul(tf, tiledCols, tf.reshape(x, tf.constant(new int[] {-1, m, ch})));
        // rows: Z[k, i, (j, c)] = Σ_a R[k, i, a] Y[k, a, (j, c)]
        Operand<T> z = batchMatMul(tf, r, tf.reshape(y, tf.constant(new int[] {-1, m, n * ch})));
        return tf.reshape(z, tf.constant(new int[] {-1, n, n, ch}));
    }

    /**
     * BatchMatMul (V1) through the raw op builder: TF Java's {@code batchMatMul} makes BatchMatMulV3
     * and TF 2.10 has no C++ gradient for V3 or V2; V1's is right (finite differences in the tests).
     */
    static <T extends TFloating> Operand<T> batchMatMul(Ops tf, Operand<T> a, Operand<T> b) {
        org.tensorflow.op.Scope scope = tf.scope();
        org.tensorflow.OperationBuilder op = scope.opBuilder("BatchMatMul", "BatchMatMul");
        op.addInput(a.asOutput());
        op.addInput(b.asOutput());
        return op.build().output(0);
    }
}
