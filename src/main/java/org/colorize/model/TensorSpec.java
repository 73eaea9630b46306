package org.colorize.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What a card may state about a signature tensor beyond its encoding: the shape (NHWC;
 * {@value #ANY} for a dimension of any size; empty when the card does not say), the element type
 * and the graph node it was exported from (null when the card does not say). A converted detector's
 * card states them all; a colorizer's card usually leaves them to the SavedModel.
 */
public record TensorSpec(List<Long> shape, String dtype, String node) {
    /** A dimension of any size. */
    public static final long ANY = -1;
    /** Nothing stated. */
    public static final TensorSpec UNSTATED = new TensorSpec(List.of(), null, null);

    public TensorSpec {
        shape = List.copyOf(shape);
    }

    public static TensorSpec of(long[] shape, String dtype, String node) {
        List<Long> dims = new ArrayList<>();
        for (long d : shape) dims.add(d);
        return new TensorSpec(dims, dtype, node);
    }

    /** The shape as an array (empty when not stated). */
    public long[] dims() {
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) dims[i] = shape.get(i);
        return dims;
    }

    /** The last dimension (the channels of an NHWC tensor), or {@value #ANY} when not stated. */
    public long channels() {
        return shape.isEmpty() ? ANY : shape.get(shape.size() - 1);
    }
}
