package org.colorize.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TFloating;

/** Training losses, written from primitive ops whose gradients are verified (see the tests). */
public final class Losses {
    /** InstColorization's δ: one ab unit on ab / {@link Siggraph17Net#AB_SCALE}. */
    public static final double INSTCOLORIZATION_DELTA = 1.0 / Siggraph17Net.AB_SCALE;

    private Losses() {}

    /**
     * Smooth-L1 loss of InstColorization's {@code HuberLoss}: per element with a = |pred − target|,
     * 0.5·a²/δ where a &lt; δ, else a − δ/2 (Huber divided by δ: L1 far away, quadratic within δ);
     * summed over the channel axis (a and b), averaged over N, H, W.
     */
    public static <T extends TFloating> Operand<T> smoothL1(Ops tf, Operand<T> pred, Operand<T> target, double delta) {
        if (!(delta > 0)) {
            throw new IllegalArgumentException("delta must be positive: " + delta);
        }
        Class<T> type = pred.type();
        Operand<T> a = tf.math.abs(tf.math.sub(pred, target));
        Operand<T> d = tf.constant(type, delta);
        Operand<T> q = tf.math.minimum(a, d);
        // 0.5·q²/δ + (a − q) is 0.5·a²/δ below δ and a − δ/2 above, without a Select
        Operand<T> perElement = tf.math.add(tf.math.mul(tf.math.square(q), tf.constant(type, 0.5 / delta)), tf.math.sub(a, q));
        Operand<T> perPixel = tf.reduceSum(perElement, tf.constant(-1));
        return tf.math.mean(perPixel, allAxes(tf, perPixel));
    }

    /**
     * Class-rebalanced multinomial cross-entropy over Q ab bins (Zhang et al. 2016):
     * mean over pixels of −w·Σ_q target_q·log softmax(logits)_q.
     *
     * @param logits [N, H, W, Q] with static Q
     * @param target soft-encoded ground truth distribution, [N, H, W, Q]
     * @param weights per-pixel rebalancing weight, [N, H, W] or [N, H, W, 1]
     */
    public static <T extends TFloating> Operand<T> crossEntropy(Ops tf, Operand<T> logits, Operand<T> target,
            Operand<T> weights) {
        long q = logits.shape().numDimensions() == 4 ? logits.shape().size(3) : -1;
        if (q < 1) {
            throw new IllegalArgumentException("logits must be [N, H, W, Q] with static Q, got " + logits.shape());
        }
        Operand<T> logProb = logSoftmax(tf, tf.reshape(logits, tf.constant(new long[] {-1, q})));
        Operand<T> t = tf.reshape(target, tf.constant(new long[] {-1, q}));
        Operand<T> w = tf.reshape(weights, tf.constant(new long[] {-1}));
        Operand<T> perPixel = tf.math.neg(tf.reduceSum(tf.math.mul(t, logProb), tf.constant(1)));
        return tf.math.mean(tf.math.mul(w, perPixel), tf.constant(0));
    }

    /**
     * Log-softmax over the last axis of a rank-2 tensor. TF 2.10's LogSoftmax gradient is wrong
     * (silently) for rank &gt; 2, so callers reshape to [-1, Q] first; this method enforces rank 2.
     */
    public static <T extends TFloating> Operand<T> logSoftmax(Ops tf, Operand<T> logits2d) {
        if (logits2d.shape().numDimensions() != 2) {
            throw new IllegalArgumentException("logSoftmax needs rank 2 (reshape to [-1, Q]), got " + logits2d.shape());
        }
        return tf.nn.logSoftmax(logits2d);
    }

    private static Operand<TInt32> allAxes(Ops tf, Operand<?> x) {
        return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
    }
}
