package org.colorize.importer;

import java.nio.ByteBuffer;

/**
 * One storage of a checkpoint as its pickle declares it: key, element type, element count. The
 * bytes stay in the file until a tensor on it is read; {@link StorageSource} finds them and has
 * checked, when the storage was declared, that the file holds that many.
 */
public final class Storage {
    private final String key;
    private final StorageType type;
    private final long elements;
    private final StorageSource source;

    Storage(String key, StorageType type, long elements, StorageSource source) {
        this.key = key;
        this.type = type;
        this.elements = elements;
        this.source = source;
    }

    public String key() {
        return key;
    }

    public StorageType type() {
        return type;
    }

    public long elements() {
        return elements;
    }

    /** The storage's bytes in the checkpoint's byte order. */
    ByteBuffer bytes() throws CheckpointException {
        return source.bytes(this);
    }

    @Override
    public String toString() {
        return type.className() + " '" + key + "' of " + elements;
    }
}
