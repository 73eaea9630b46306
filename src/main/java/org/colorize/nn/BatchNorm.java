package org.colorize.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.family.TFloating;

/**
 * Batch normalization over N, H, W per channel with PyTorch's {@code BatchNorm2d} conventions
 * (eps 1e-5, momentum 0.1, running variance updated with the unbiased batch variance), so published
 * weights load unchanged.
 *
 * <p>Variables: {@code NAME/gamma}, {@code NAME/beta} (trained), {@code NAME/moving_mean},
 * {@code NAME/moving_variance} (state). In {@link ParameterStore.Mode#TRAIN} it normalizes with the
 * batch statistics and registers moving-average updates with the store; in
 * {@link ParameterStore.Mode#INFERENCE} it uses the moving statistics.
 *
 * <p>Written from primitive ops rather than FusedBatchNormV3 because the fused op has no float64
 * kernel, and float64 is how the gradient tests check it.
 */
public final class BatchNorm {
    /** PyTorch's default epsilon. */
    public static final double EPSILON = 1e-5;
    /** PyTorch's default momentum: moving = (1 - m)·moving + m·batch. */
    public static final double MOMENTUM = 0.1;

    private BatchNorm() {}

    /** A batch norm layer named {@code name}. */
    public static <T extends TFloating> Operand<T> apply(ParameterStore<T> p, String name, Operand<T> x) {
        long c = Conv2d.channels(x, name);
        Shape shape = Shape.of(c);
        Variable<T> gamma = p.parameter(name + "/gamma", shape, Init.ones());
        Variable<T> beta = p.parameter(name + "/beta", shape, Init.zeros());
        Variable<T> movingMean = p.state(name + "/moving_mean", shape, Init.zeros());
        Variable<T> movingVar = p.state(name + "/moving_variance", shape, Init.ones());
        Ops tf = p.tf(name);
        Operand<T> mean;
        Operand<T> variance;
        Operand<T> centered;
        if (p.training()) {
            Operand<TInt32> axes = tf.constant(new int[] {0, 1, 2});
            mean = tf.math.mean(x, axes);
            centered = tf.math.sub(x, mean);
            variance = tf.math.mean(tf.math.square(centered), axes);
            updateMovingAverages(p, tf, x, mean, variance, movingMean, movingVar);
        } else {
            mean = movingMean;
            variance = movingVar;
            centered = tf.math.sub(x, mean);
        }
        Operand<T> scale = tf.math.mul(gamma, tf.math.rsqrt(tf.math.add(variance, tf.constant(p.dtype(), EPSILON))));
        return tf.math.add(tf.math.mul(centered, scale), beta);
    }

    private static <T extends TFloating> void updateMovingAverages(ParameterStore<T> p, Ops tf, Operand<T> x,
            Operand<T> mean, Operand<T> variance, Variable<T> movingMean, Variable<T> movingVar) {
        Operand<T> count = tf.dtypes.cast(tf.prod(tf.slice(tf.shape(x), tf.constant(new int[] {0}),
                tf.constant(new int[] {3})), tf.constant(0)), p.dtype());
        // unbiased variance n/(n-1)·var for the running estimate, as PyTorch does
        Operand<T> unbiased = tf.math.mul(variance,
                tf.math.div(count, tf.math.maximum(tf.math.sub(count, tf.constant(p.dtype(), 1)), tf.constant(p.dtype(), 1))));
        Operand<T> m = tf.constant(p.dtype(), MOMENTUM);
        Ops upd = tf.withSubScope("update");
        p.addUpdate(upd.assignSub(movingMean, upd.math.mul(m, upd.math.sub(movingMean, upd.stopGradient(mean)))));
        p.addUpdate(upd.assignSub(movingVar, upd.math.mul(m, upd.math.sub(movingVar, upd.stopGradient(unbiased)))));
    }
}
