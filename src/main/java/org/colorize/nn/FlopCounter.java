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
    private final Map<String, Long> macs = new LinkedHashMap<>();
    private boolean complete = true;

    /** Records a layer; {@code outputPixels < 0} means the spatial size is not static. */
    public void add(String layer, long outputPixels, long macsPerPixel) {
        if (outputPixels < 0) {
            complete = false;
            return;
        }
        macs.merge(layer, outputPixels * macsPerPixel, Long::sum);
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
        return complete;
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
