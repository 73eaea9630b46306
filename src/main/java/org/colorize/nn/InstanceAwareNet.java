package org.colorize.nn;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TFloating;

/**
 * InstColorization's inference path in one graph: the instance network (the full-image topology
 * with its own weights, variables under {@value #INSTANCE}/) runs on the K crops as one batch, and
 * the full-image network (unprefixed variables) runs on the whole image with
 * {@link InstanceFusion} at its 13 fusion points (variables under {@code fusion/}).
 */
public final class InstanceAwareNet {
    /** The instance network's variable prefix. */
    public static final String INSTANCE = "instance";
    /** Input: the K crops' L (0…100), [K, S, S, 1]. */
    public static final String CROPS = "crops";

    private InstanceAwareNet() {}

    /** The graph's inputs besides the full image's L. */
    public record Inputs<T extends TFloating>(Operand<T> crops, Map<Integer, Operand<T>> rows, Map<Integer, Operand<T>> cols) {}

    /**
     * Placeholders for crops and geometry, named {@value #CROPS}, {@code rows_S}, {@code cols_S}, for a
     * network of side {@code size} and crops of side {@code cropSize}.
     */
    public static <T extends TFloating> Inputs<T> placeholders(Ops tf, Class<T> type, int size, int cropSize) {
        Operand<T> crops = tf.withName(CROPS).placeholder(type, Placeholder.shape(Shape.of(-1, cropSize, cropSize, 1)));
        Map<Integer, Operand<T>> rows = new HashMap<>();
        Map<Integer, Operand<T>> cols = new HashMap<>();
        for (int s : FusionGeometry.STRIDES) {
            int n = size / s;
            int m = cropSize / s;
            rows.put(s, tf.withName(FusionGeometry.Inputs.rowsName(s)).placeholder(type, Placeholder.shape(Shape.of(-1, n, m))));
            cols.put(s, tf.withName(FusionGeometry.Inputs.colsName(s)).placeholder(type, Placeholder.shape(Shape.of(-1, n, m))));
        }
        return new Inputs<>(crops, rows, cols);
    }

    /**
     * Builds both networks and the fusion. {@code l} is the full image [1, S, S, 1]; the config must
     * have the regression head (fusion reaches conv10_2).
     */
    public static <T extends TFloating> Siggraph17Net.Outputs<T> build(ParameterStore<T> store, Operand<T> l, Inputs<T> in,
            Siggraph17Config cfg) {
        return build(store, l, in.crops(), in, cfg, FusionConfig.COLORIZE);
    }

    /**
     * The same graph on network inputs formed by the caller ({@code cfg.inputChannels()} channels
     * each, e.g. L and InstColorization's "no hint" channels, made from {@code in.crops()} for the
     * crops) and with the fusion variant {@code fusion}.
     */
    public static <T extends TFloating> Siggraph17Net.Outputs<T> build(ParameterStore<T> store, Operand<T> fullInput,
            Operand<T> cropInput, Inputs<T> in, Siggraph17Config cfg, FusionConfig fusion) {
        if (!cfg.regression()) throw new IllegalArgumentException("instance-aware fusion needs the regression decoder");
        Siggraph17Net.Outputs<T> instance = Siggraph17Net.build(store.under(INSTANCE), cropInput, cfg);
        return Siggraph17Net.build(store, fullInput, cfg, new InstanceFusion<>(instance.features(), in.rows(), in.cols(), fusion));
    }
}
