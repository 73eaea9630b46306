package org.colorize.importer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A tensor of a state dict: a strided view on a {@link Storage}, as
 * {@code torch._utils._rebuild_tensor_v2} describes it. Its extent was checked against the
 * storage when it was built; the values are read only by {@link #floats()}.
 */
public final class TorchTensor {
    private final Storage storage;
    private final long offset;
    private final long[] shape;
    private final long[] stride;
    private final long elements;

    private TorchTensor(Storage storage, long offset, long[] shape, long[] stride, long elements) {
        this.storage = storage;
        this.offset = offset;
        this.shape = shape;
        this.stride = stride;
        this.elements = elements;
    }

    /**
     * A tensor of {@code shape} with {@code stride} from element {@code offset} of
     * {@code storage}; refused unless every element it addresses lies inside the storage and it
     * has at most {@link Integer#MAX_VALUE} elements.
     */
    static TorchTensor of(Storage storage, long offset, long[] shape, long[] stride) throws CheckpointException {
        if (shape.length != stride.length) {
            throw new CheckpointException("tensor has " + shape.length + " sizes but " + stride.length + " strides");
        }
        if (offset < 0) throw new CheckpointException("tensor has negative storage offset " + offset);
        long elements = 1;
        long last = offset;
        try {
            for (int d = 0; d < shape.length; d++) {
                if (shape[d] < 0 || stride[d] < 0) {
                    throw new CheckpointException("tensor has a negative size or stride: " + Arrays.toString(shape) + " / "
                            + Arrays.toString(stride));
                }
                elements = Math.multiplyExact(elements, shape[d]);
                if (shape[d] > 0) last = Math.addExact(last, Math.multiplyExact(shape[d] - 1, stride[d]));
            }
        } catch (ArithmeticException e) {
            throw new CheckpointException("tensor of shape " + Arrays.toString(shape) + " is too large");
        }
        if (elements > Integer.MAX_VALUE) {
            throw new CheckpointException("tensor of shape " + Arrays.toString(shape) + " has more than 2^31 elements");
        }
        if (elements > 0 && last >= storage.elements()) {
            throw new CheckpointException("tensor of shape " + Arrays.toString(shape) + " at offset " + offset
                    + " reaches element " + last + " of " + storage + ": beyond the storage");
        }
        return new TorchTensor(storage, offset, shape.clone(), stride.clone(), elements);
    }

    public StorageType type() {
        return storage.type();
    }

    /** The sizes, outermost first (PyTorch's {@code tensor.shape}). */
    public long[] shape() {
        return shape.clone();
    }

    public long elements() {
        return elements;
    }

    /** The shape as PyTorch prints it, e.g. {@code [64, 4, 3, 3]}. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /**
     * The values in row-major order of {@link #shape()}, widened or narrowed to float.
     *
     * @throws CheckpointException if the storage is not floating-point or its bytes cannot be read
     */
    public float[] floats() throws CheckpointException {
        if (!storage.type().isFloatingPoint()) {
            throw new CheckpointException("tensor " + shapeText() + " holds " + storage.type() + ", not floating-point values");
        }
        ByteBuffer data = storage.bytes();
        StorageType type = storage.type();
        float[] out = new float[(int) elements];
        if (elements == 0) return out;
        if (type == StorageType.FLOAT && isContiguous()) {
            data.duplicate().order(data.order()).position(Math.toIntExact(offset * 4)).slice().order(data.order())
                    .asFloatBuffer().get(out);
            return out;
        }
        int rank = shape.length;
        long[] index = new long[rank];
        long at = offset;
        for (int i = 0; i < out.length; i++) {
            out[i] = type.floatAt(data, at);
            for (int d = rank - 1; d >= 0; d--) { // odometer over the indices, last dimension fastest
                index[d]++;
                at += stride[d];
                if (index[d] < shape[d]) break;
                at -= index[d] * stride[d];
                index[d] = 0;
            }
        }
        return out;
    }

    private boolean isContiguous() {
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    @Override
    public String toString() {
        return storage.type() + " " + shapeText();
    }
}
