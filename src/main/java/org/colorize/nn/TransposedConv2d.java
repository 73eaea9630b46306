package org.colorize.nn;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/**
 * The decoder's 2× upsampling layer, PyTorch's {@code ConvTranspose2d(kernel_size=4, stride=2,
 * padding=1)}: output exactly twice the input size.
 *
 * <p>Built as Conv2DBackpropInput with SAME padding: the forward conv it inverts (k 4, stride 2,
 * 2H → H) pads 1 on each side under SAME, the same geometry as PyTorch's {@code padding=1}. Weight
 * {@code NAME/weight} is [4, 4, out, in]; PyTorch's [in, out, 4, 4] weight maps to it by transposing
 * (no spatial flip). Bias {@code NAME/bias} is [out].
 */
public final class TransposedConv2d {
    /** Kernel size. */
    public static final int KERNEL = 4;
    /** Upsampling factor. */
    public static final int STRIDE = 2;

    private TransposedConv2d() {}

    /** A transposed convolution layer named {@code name} doubling H and W. */
    public static <T extends TFloating> Operand<T> apply(ParameterStore<T> p, String name, Operand<T> x, int outChannels) {
        long in = Conv2d.channels(x, name);
        // Each output pixel sums in·(k/s)² products, the fan-in for He initialization.
        long fanIn = in * (KERNEL / STRIDE) * (KERNEL / STRIDE);
        var w = p.parameter(name + "/weight", Shape.of(KERNEL, KERNEL, outChannels, in), Init.heNormal(fanIn));
        var b = p.parameter(name + "/bias", Shape.of(outChannels), Init.zeros());
        Ops tf = p.tf(name);
        Operand<T> y = tf.nn.conv2dBackpropInput(outputShape(tf, x, outChannels), w, x,
                List.of(1L, (long) STRIDE, (long) STRIDE, 1L), "SAME");
        long pixels = FlopCounter.pixels(x);
        // each input pixel touches k·k output positions per (in, out) pair
        p.flops().add(name, pixels, (long) KERNEL * KERNEL * in * outChannels);
        return tf.nn.biasAdd(y, b);
    }

    /** [N, 2H, 2W, out]: a constant when x's shape is static (so later shapes stay static), else computed. */
    private static Operand<TInt32> outputShape(Ops tf, Operand<?> x, int outChannels) {
        Shape s = x.shape();
        if (!s.hasUnknownDimension()) {
            return tf.constant(new int[] {(int) s.size(0), (int) (STRIDE * s.size(1)), (int) (STRIDE * s.size(2)), outChannels});
        }
        Operand<TInt32> shape = tf.shape(x);
        Operand<TInt32> n = tf.slice(shape, tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TInt32> hw = tf.math.mul(tf.slice(shape, tf.constant(new int[] {1}), tf.constant(new int[] {2})),
                tf.constant(STRIDE));
        return tf.concat(List.of(n, hw, tf.constant(new int[] {outChannels})), tf.constant(0));
    }
}
