package org.colorize.nn;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TFloating;

/**
 * How a variable gets its first value. Random initializers are stateless and seeded per variable
 * (store seed + variable name), so a network's initial weights do not depend on build order.
 */
@FunctionalInterface
public interface Init {

    /**
     * Builds the initial value in {@code tf} (an init scope).
     *
     * @param seed two 64-bit seeds: the store's seed and a hash of the variable name
     */
    <T extends TFloating> Operand<T> value(Ops tf, Shape shape, Class<T> type, long[] seed);

    /** All zeros. */
    static Init zeros() {
        return Init::zerosOf;
    }

    /** All ones. */
    static Init ones() {
        return constant(1.0);
    }

    /** Every element set to {@code v}. */
    static Init constant(double v) {
        return new Init() {
            @Override
            public <T extends TFloating> Operand<T> value(Ops tf, Shape shape, Class<T> type, long[] seed) {
                return tf.fill(tf.constant(shape.asArray()), tf.constant(type, v));
            }
        };
    }

    /**
     * He/Kaiming normal: N(0, 2 / fanIn), the initializer for layers followed by ReLU
     * (He et al. 2015, "Delving deep into rectifiers").
     */
    static Init heNormal(long fanIn) {
        if (fanIn <= 0) {
            throw new IllegalArgumentException("fanIn must be positive: " + fanIn);
        }
        double std = Math.sqrt(2.0 / fanIn);
        return new Init() {
            @Override
            public <T extends TFloating> Operand<T> value(Ops tf, Shape shape, Class<T> type, long[] seed) {
                Operand<T> unit = tf.random.statelessRandomNormal(tf.constant(shape.asArray()), tf.constant(seed), type);
                return tf.math.mul(unit, tf.constant(type, std));
            }
        };
    }

    private static <T extends TFloating> Operand<T> zerosOf(Ops tf, Shape shape, Class<T> type, long[] seed) {
        return tf.zeros(tf.constant(shape.asArray()), type);
    }
}
