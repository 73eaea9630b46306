package org.colorize.nn;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.family.TFloating;

/** Conversions between flat Java arrays and floating-point tensors of either precision. */
public final class Tensors {
    private Tensors() {}

    /** A new tensor of {@code type} (TFloat32 or TFloat64) holding {@code values} in row-major order. */
    public static <T extends TFloating> T of(Class<T> type, Shape shape, double[] values) {
        if (shape.size() != values.length) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + values.length);
        }
        if (type == TFloat64.class) {
            return type.cast(TFloat64.tensorOf(shape, DataBuffers.of(values, true, false)));
        }
        if (type == TFloat32.class) {
            float[] f = new float[values.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) values[i];
            }
            return type.cast(TFloat32.tensorOf(shape, DataBuffers.of(f, true, false)));
        }
        throw new IllegalArgumentException("unsupported tensor type " + type.getSimpleName());
    }

    /** A new float32 tensor holding {@code values} in row-major order. */
    public static TFloat32 of(Shape shape, float[] values) {
        if (shape.size() != values.length) {
            throw new IllegalArgumentException("shape " + shape + " needs " + shape.size() + " values, got " + values.length);
        }
        return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
    }

    /** The values of a TFloat32 or TFloat64 tensor in row-major order, widened to double. */
    public static double[] values(Tensor t) {
        int n = Math.toIntExact(t.shape().size());
        double[] out = new double[n];
        if (t instanceof TFloat64 d) {
            d.asRawTensor().data().asDoubles().read(out);
        } else if (t instanceof TFloat32 f) {
            float[] tmp = new float[n];
            f.asRawTensor().data().asFloats().read(tmp);
            for (int i = 0; i < n; i++) {
                out[i] = tmp[i];
            }
        } else {
            throw new IllegalArgumentException("unsupported tensor type " + t.dataType());
        }
        return out;
    }

    /** The single value of a scalar (or one-element) floating-point tensor. */
    public static double scalar(Tensor t) {
        double[] v = values(t);
        if (v.length != 1) {
            throw new IllegalArgumentException("expected one value, tensor has shape " + t.shape());
        }
        return v[0];
    }
}
