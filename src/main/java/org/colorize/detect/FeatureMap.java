package org.colorize.detect;

import java.util.Arrays;

/**
 * One feature tap of the detector: NHWC float values with their shape and the tap's stride
 * relative to the network input (e.g. 4: one feature pixel per 4×4 input pixels).
 */
public record FeatureMap(String name, long[] shape, int stride, float[] values) {
    public FeatureMap {
        long n = 1;
        for (long d : shape) n *= d;
        if (n != values.length) throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape)
                + " does not hold " + values.length + " values");
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int height() {
        return (int) shape[1];
    }

    public int width() {
        return (int) shape[2];
    }

    public int channels() {
        return (int) shape[3];
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " stride " + stride;
    }
}
