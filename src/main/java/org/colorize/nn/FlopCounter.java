package org.colorize.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;

/**
 * Counts multiply-accumulates of the convolution layers of one graph, per image, for graphs built
 * with a static spatial input size. Layers report their output pixel count and MACs per output
 * pixel; element-wise ops are not counted (they are a small fraction of a conv net's work).
 */
public final class FlopCounter {
    private final Map<String, Long> macs;
    /** Shared with the views of {@link #under}: one element, false once a layer had no static size. */
    private final boolean[] complete;
    private final String prefix;

    public FlopCounter() {
        this(new LinkedHashMap<>(), new boolean[] {true}, "");
    }

    private FlopCounter(Map<String, Long> macs, boolean[] complete, String prefix) {
        this.macs = macs;
        this.complete = complete;
        this.prefix = prefix;
    }

    /**
     * The same counter, recording layers as {@code prefix + layer}: a network built under a
     * {@link ParameterStore#under prefix} (an instance network beside the full-image one) is
     * counted under its own names instead of being added to the other network's layers.
     */
    FlopCounter under(String prefix) {
        return prefix.isEmpty() ? this : new FlopCounter(macs, complete, this.prefix + prefix);
    }

    /** Records a layer; {@code outputPixels < 0} means the spatial size is not static. */
    public void add(String layer, long outputPixels, long macsPerPixel) {
        if (outputPixels < 0) {
            complete[0] = false;
            return;
        }
        macs.merge(prefix + layer, outputPixels * macsPerPixel, Long::sum);
    }

    /** Height × width of an NHWC operand's static shape, or -1 when either is unknown. */
    public static long pixels(Operand<?> x) {
        Shape s = x.shape();
        if (s.numDimensions() != 4 || s.isUnknown() || s.size(1) < 0 || s.size(2) < 0) {
            return -1;
        }
        return s.size(1) * s.size(2);
    }

    /** Whether every recorded layer had a static spatial size. */
    public boolean complete() {
        return complete[0];
    }

    /** Total multiply-accumulates per image. */
    public long macs() {
        return macs.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Total floating-point operations per image (2 per multiply-accumulate). */
    public long flops() {
        return 2 * macs();
    }

    /** MACs per layer, in build order. */
    public Map<String, Long> perLayer() {
        return Collections.unmodifiableMap(macs);
    }
}
