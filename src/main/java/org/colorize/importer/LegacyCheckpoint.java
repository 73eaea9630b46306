package org.colorize.importer;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.colorize.importer.PyContainer.Dict;
import org.colorize.importer.PyContainer.PyList;

/**
 * The legacy format of {@code torch.save} (PyTorch &lt; 1.6, or
 * {@code _use_new_zipfile_serialization=False}): five pickles one after the other — the magic
 * number, the protocol version 1001, the system info (byte order, type sizes), the object with
 * persistent ids for its storages, the sorted list of storage keys — then for each key in that
 * order an 8-byte element count and the raw elements. The file is memory-mapped; a storage is
 * only located (its count checked against the declared size and the bytes left) until read.
 */
final class LegacyCheckpoint implements StorageSource, AutoCloseable {
    /** torch.serialization.MAGIC_NUMBER. */
    static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    /** torch.serialization.PROTOCOL_VERSION. */
    static final long PROTOCOL_VERSION = 1001;

    private final FileChannel channel;
    private final ByteBuffer file;
    private final Map<String, Long> offsets = new HashMap<>();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    private LegacyCheckpoint(FileChannel channel, ByteBuffer file) {
        this.channel = channel;
        this.file = file;
    }

    static LegacyCheckpoint open(Path path) throws CheckpointException {
        try {
            FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                channel.close();
                throw new CheckpointException("legacy-format checkpoints beyond 2 GiB are not supported");
            }
            return new LegacyCheckpoint(channel, channel.map(FileChannel.MapMode.READ_ONLY, 0, size));
        } catch (IOException e) {
            throw new CheckpointException("cannot read it: " + e.getMessage(), e);
        }
    }

    /** Reads the pickles and locates the storages; returns the pickled object. */
    Object read(PickleLimits limits) throws CheckpointException {
        ByteBuffer in = file.duplicate();
        PickleMachine plain = new PickleMachine(limits, pid -> {
            throw new CheckpointException("a persistent id in the header pickles");
        });
        Object magic = plain.load(in);
        if (!MAGIC.equals(magic instanceof Long l ? BigInteger.valueOf(l) : magic)) {
            throw new CheckpointException("it starts with a pickle, but not with PyTorch's magic number: not a PyTorch checkpoint");
        }
        Object protocol = plain.load(in);
        if (!Long.valueOf(PROTOCOL_VERSION).equals(protocol)) {
            throw new CheckpointException("its serialization protocol is " + protocol + ", not " + PROTOCOL_VERSION);
        }
        if (plain.load(in) instanceof Dict info && Boolean.FALSE.equals(info.items.get("little_endian"))) {
            order = ByteOrder.BIG_ENDIAN;
        }
        StoragePids pids = new StoragePids(this, limits.maxTensors());
        Object object = new PickleMachine(limits, pids).load(in);
        Object keys = plain.load(in);
        if (!(keys instanceof PyList list)) throw new CheckpointException("its storage key list is a " + PickleMachine.typeOf(keys));
        locate(in, list, pids.declared());
        return object;
    }

    /** Walks the raw storages in key order, checking each count against its declaration and the file. */
    private void locate(ByteBuffer in, PyList keys, Map<String, Storage> declared) throws CheckpointException {
        Set<String> seen = new LinkedHashSet<>();
        long position = in.position();
        for (Object k : keys.items) {
            Storage s = k instanceof String key ? declared.get(key) : null;
            if (s == null || !seen.add(s.key())) {
                throw new CheckpointException("its storage list names '" + k + "', which the object does not use (or twice)");
            }
            if (file.limit() - position < Long.BYTES) {
                throw new CheckpointException("it is truncated: storage '" + s.key() + "' is missing");
            }
            long count = file.duplicate().order(order).getLong((int) position);
            position += Long.BYTES;
            long bytes = ZipCheckpoint.bytesOf(s.key(), s.type(), count);
            if (count != s.elements()) {
                throw new CheckpointException("storage '" + s.key() + "' is declared with " + s.elements()
                        + " elements but the file says " + count);
            }
            if (bytes > file.limit() - position) {
                throw new CheckpointException("storage '" + s.key() + "' needs " + bytes + " bytes but the file has "
                        + (file.limit() - position) + " left: the file is truncated or lies about the size");
            }
            offsets.put(s.key(), position);
            position += bytes;
        }
        if (seen.size() != declared.size()) {
            throw new CheckpointException("its object uses " + declared.size() + " storages but the file lists " + seen.size());
        }
    }

    @Override
    public Storage declare(String key, StorageType type, long elements) throws CheckpointException {
        ZipCheckpoint.bytesOf(key, type, elements); // checked against the file when the storages are located
        return new Storage(key, type, elements, this);
    }

    @Override
    public ByteBuffer bytes(Storage storage) throws CheckpointException {
        Long at = offsets.get(storage.key());
        if (at == null) throw new CheckpointException("storage '" + storage.key() + "' was never located");
        ByteBuffer b = file.duplicate();
        b.position(Math.toIntExact(at)).limit(Math.toIntExact(at + storage.elements() * storage.type().bytes()));
        return b.slice().order(order);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
