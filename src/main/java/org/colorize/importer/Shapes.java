package org.colorize.importer;

import java.util.Arrays;

/** Shape checks on a state dict's tensors, with messages that name the key. */
final class Shapes {
    private Shapes() {
    }

    /** The shape of tensor {@code key}, which must exist and have {@code rank} dimensions. */
    static long[] require(StateDict sd, String key, int rank) throws CheckpointException {
        TorchTensor t = sd.get(key).orElseThrow(() -> new CheckpointException("it has no tensor " + key
                + " (its first keys: " + sd.keys().stream().limit(6).toList() + "): is --arch right?"));
        long[] shape = t.shape();
        if (shape.length != rank) throw new CheckpointException(key + " is " + text(shape) + ", expected " + rank + " dimensions");
        return shape;
    }

    static String text(long[] shape) {
        return Arrays.toString(shape);
    }
}
