package org.colorize.nn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.family.TFloating;

/** Element-wise activations. */
public final class Activations {
    /** SIGGRAPH17's slope for the last decoder layer. */
    public static final double SIGGRAPH17_LEAKY_SLOPE = 0.2;

    private Activations() {}

    public static <T extends TFloating> Operand<T> relu(Ops tf, Operand<T> x) {
        return tf.nn.relu(x);
    }

    /** max(x, slope·x) for 0 &lt; slope &lt; 1. */
    public static <T extends TFloating> Operand<T> leakyRelu(Ops tf, Operand<T> x, double slope) {
        return tf.nn.leakyRelu(x, LeakyRelu.alpha((float) slope));
    }

    public static <T extends TFloating> Operand<T> tanh(Ops tf, Operand<T> x) {
        return tf.math.tanh(x);
    }

    public static <T extends TFloating> Operand<T> sigmoid(Ops tf, Operand<T> x) {
        return tf.math.sigmoid(x);
    }
}
