package org.colorize.detect.tfjs;

import java.util.Arrays;

/** One entry of a TF.js {@code weightsManifest}: the Const node it fills, its shape, dtype and storage. */
record WeightSpec(String name, long[] shape, String dtype, Quantization quantization) {
    WeightSpec {
        if (!dtype.equals("float32") && !dtype.equals("int32") && !dtype.equals("bool")) {
            throw new IllegalArgumentException("weight '" + name + "' has dtype '" + dtype
                    + "'; the converter reads float32, int32 and bool weights");
        }
        if (quantization != null && dtype.equals("bool")) {
            throw new IllegalArgumentException("weight '" + name + "' is a quantized bool");
        }
        if (quantization != null && dtype.equals("int32") && !quantization.isAffine()) {
            throw new IllegalArgumentException("weight '" + name + "' is an int32 stored as float16");
        }
        for (long d : shape) {
            if (d < 0) throw new IllegalArgumentException("weight '" + name + "' has shape " + Arrays.toString(shape));
        }
        shape = shape.clone();
    }

    long elementCount() {
        long n = 1;
        for (long d : shape) n = Math.multiplyExact(n, d);
        return n;
    }

    long storedBytes() {
        int perElement = quantization != null ? quantization.bytesPerElement() : dtype.equals("bool") ? 1 : 4;
        return Math.multiplyExact(elementCount(), perElement);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
