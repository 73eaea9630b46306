package org.colorize.importer;

import java.nio.ByteBuffer;

/** Where a checkpoint format keeps its storages' bytes. */
interface StorageSource {
    /**
     * Declares the storage {@code key} of {@code elements} elements of {@code type}, as a
     * pickle's persistent id names it; checks, before anything is read or allocated, that the
     * file can hold it.
     */
    Storage declare(String key, StorageType type, long elements) throws CheckpointException;

    /** The bytes of a storage this source declared, in the checkpoint's byte order. */
    ByteBuffer bytes(Storage storage) throws CheckpointException;
}
