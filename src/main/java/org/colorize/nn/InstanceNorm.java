package org.colorize.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.family.TFloating;

/**
 * Instance normalization: each image's channels normalized over H, W with the image's own
 * statistics, in train and inference mode alike (PyTorch {@code InstanceNorm2d}, eps 1e-5, no
 * running statistics). With {@code affine}, learns {@code NAME/gamma} and {@code NAME/beta}.
 */
public final class InstanceNorm {
    /** PyTorch's default epsilon. */
    public static final double EPSILON = 1e-5;

    private InstanceNorm() {}

    /** An instance norm layer named {@code name}. */
    public static <T extends TFloating> Operand<T> apply(ParameterStore<T> p, String name, Operand<T> x, boolean affine) {
        long c = Conv2d.channels(x, name);
        Ops tf = p.tf(name);
        Operand<TInt32> axes = tf.constant(new int[] {1, 2});
        Operand<T> mean = tf.math.mean(x, axes, Mean.keepDims(true));
        Operand<T> centered = tf.math.sub(x, mean);
        Operand<T> variance = tf.math.mean(tf.math.square(centered), axes, Mean.keepDims(true));
        Operand<T> y = tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, tf.constant(p.dtype(), EPSILON))));
        if (!affine) {
            return y;
        }
        Operand<T> gamma = p.parameter(name + "/gamma", Shape.of(c), Init.ones());
        Operand<T> beta = p.parameter(name + "/beta", Shape.of(c), Init.zeros());
        return tf.math.add(tf.math.mul(y, gamma), beta);
    }
}
