package org.colorize.nn;

import java.util.List;

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

    /** Mean absolute difference over every element. */
    public static <T extends TFloating> Operand<T> l1(Ops tf, Operand<T> pred, Operand<T> target) {
        Operand<T> a = tf.math.abs(tf.math.sub(pred, target));
        return tf.math.mean(a, allAxes(tf, a));
    }

    /**
     * The reconstruction of the closest of several samples: per image the smallest of the samples'
     * mean absolute errors, averaged over the batch (the "oracle" loss of multiple choice learning,
     * Guzman-Rivera et al. 2012): the samples of one picture need not all sit on the mean, one of
     * them has to be right. Inputs are [N, H, W, C], at least one prediction.
     */
    public static <T extends TFloating> Operand<T> l1Closest(Ops tf, List<? extends Operand<T>> preds, Operand<T> target) {
        if (preds.isEmpty()) throw new IllegalArgumentException("no prediction");
        Operand<org.tensorflow.types.TInt32> pixels = tf.constant(new int[] {1, 2, 3});
        Operand<T> closest = null;
        for (Operand<T> p : preds) {
            Operand<T> e = tf.math.mean(tf.math.abs(tf.math.sub(p, target)), pixels);
            closest = closest == null ? e : tf.math.minimum(closest, e);
        }
        return tf.math.mean(closest, tf.constant(0));
    }

    /** The mean of several predictions' {@link #l1} against one target (at least one prediction). */
    public static <T extends TFloating> Operand<T> l1Mean(Ops tf, List<? extends Operand<T>> preds, Operand<T> target) {
        if (preds.isEmpty()) throw new IllegalArgumentException("no prediction");
        Operand<T> sum = null;
        for (Operand<T> p : preds) sum = sum == null ? l1(tf, p, target) : tf.math.add(sum, l1(tf, p, target));
        return tf.math.div(sum, tf.constant(target.type(), preds.size()));
    }

    /**
     * The relaxed winner-takes-all of Rupprecht et al. 2017: (1 − ε)·{@link #l1Closest} + ε·the
     * mean of every sample's L1, so samples that are never the closest are still pulled toward the
     * data instead of drifting; ε = 0 is the closest alone.
     */
    public static <T extends TFloating> Operand<T> l1RelaxedClosest(Ops tf, List<? extends Operand<T>> preds, Operand<T> target,
            double relaxation) {
        if (!(relaxation >= 0 && relaxation < 1)) throw new IllegalArgumentException("relaxation must be in [0, 1), was " + relaxation);
        Operand<T> closest = l1Closest(tf, preds, target);
        if (relaxation == 0) return closest;
        Operand<T> mean = l1Mean(tf, preds, target);
        return tf.math.add(tf.math.mul(closest, tf.constant(target.type(), 1 - relaxation)),
                tf.math.mul(mean, tf.constant(target.type(), relaxation)));
    }

    /** Hinge loss of a critic (Lim &amp; Ye 2017; Miyato et al. 2018): mean relu(1 − real) + mean relu(1 + fake). */
    public static <T extends TFloating> Operand<T> hingeCritic(Ops tf, Operand<T> realScores, Operand<T> fakeScores) {
        Operand<T> one = tf.constant(realScores.type(), 1.0);
        Operand<T> r = tf.nn.relu(tf.math.sub(one, realScores));
        Operand<T> f = tf.nn.relu(tf.math.add(one, fakeScores));
        return tf.math.add(tf.math.mean(r, allAxes(tf, r)), tf.math.mean(f, allAxes(tf, f)));
    }

    /** The generator's side of the hinge loss: −mean critic score of its samples. */
    public static <T extends TFloating> Operand<T> hingeGenerator(Ops tf, Operand<T> fakeScores) {
        return tf.math.neg(tf.math.mean(fakeScores, allAxes(tf, fakeScores)));
    }

    /**
     * The mode-seeking term of Mao et al. 2019 (MSGAN) for two batches generated from the same
     * inputs with codes z1, z2: 1 / (ε + mean|G(z1) − G(z2)| / mean|z1 − z2|); minimizing it pushes
     * different codes to different outputs (against the mode collapse of conditional GANs).
     */
    public static <T extends TFloating> Operand<T> modeSeeking(Ops tf, Operand<T> out1, Operand<T> out2, Operand<T> z1,
            Operand<T> z2) {
        Operand<T> dOut = l1(tf, out1, out2);
        Operand<T> dz = l1(tf, z1, z2);
        Class<T> type = out1.type();
        return tf.math.div(tf.constant(type, 1.0), tf.math.add(tf.constant(type, 1e-5), tf.math.div(dOut, dz)));
    }

    /**
     * KL(N(μ, σ²) ‖ N(0, I)) of a diagonal Gaussian posterior, summed over the code's elements and
     * averaged over the batch: −½ Σ (1 + log σ² − μ² − σ²).
     *
     * @param mean [N, …, D] μ
     * @param logVariance [N, …, D] log σ²
     */
    public static <T extends TFloating> Operand<T> gaussianKl(Ops tf, Operand<T> mean, Operand<T> logVariance) {
        Class<T> type = mean.type();
        Operand<T> terms = tf.math.sub(tf.math.sub(tf.math.add(tf.constant(type, 1.0), logVariance), tf.math.square(mean)),
                tf.math.exp(logVariance));
        Operand<T> perImage = tf.reshape(terms, tf.constant(new long[] {-1, mean.shape().size(mean.shape().numDimensions() - 1)}));
        Operand<T> sum = tf.reduceSum(perImage, tf.constant(1));
        return tf.math.mul(tf.constant(type, -0.5), tf.math.mean(sum, tf.constant(0)));
    }

    /**
     * Negative log-likelihood of codes t under a Gaussian mixture with isotropic components of fixed
     * σ (divcolor's MDN loss): mean over N of −log Σ_k π_k N(t | μ_k, σ²I), through a stable
     * log-sum-exp.
     *
     * @param logits [N, K] mixture weights before softmax
     * @param means  [N, K, D]
     * @param target [N, D] (or [N, 1, 1, D]) the codes to explain
     */
    public static <T extends TFloating> Operand<T> mixtureNll(Ops tf, Operand<T> logits, Operand<T> means, Operand<T> target,
            double sigma) {
        Class<T> type = logits.type();
        long d = means.shape().size(2);
        Operand<T> t = tf.reshape(target, tf.constant(new long[] {-1, 1, d}));
        Operand<T> sq = tf.reduceSum(tf.math.square(tf.math.sub(means, t)), tf.constant(2)); // [N, K]
        double logNorm = -d * Math.log(sigma) - 0.5 * d * Math.log(2 * Math.PI);
        Operand<T> logComponent = tf.math.add(tf.math.mul(sq, tf.constant(type, -0.5 / (sigma * sigma))),
                tf.constant(type, logNorm));
        Operand<T> joint = tf.math.add(logSoftmax(tf, logits), logComponent);
        Operand<T> max = tf.stopGradient(tf.max(joint, tf.constant(1), org.tensorflow.op.core.Max.keepDims(true)));
        Operand<T> lse = tf.math.add(tf.reshape(max, tf.constant(new long[] {-1})),
                tf.math.log(tf.reduceSum(tf.math.exp(tf.math.sub(joint, max)), tf.constant(1))));
        return tf.math.neg(tf.math.mean(lse, tf.constant(0)));
    }

    private static Operand<TInt32> allAxes(Ops tf, Operand<?> x) {
        return tf.range(tf.constant(0), tf.rank(x), tf.constant(1));
    }
}
