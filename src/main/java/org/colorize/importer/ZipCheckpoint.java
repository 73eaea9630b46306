package org.colorize.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The zip format of {@code torch.save} (PyTorch ≥ 1.6): one top folder (named after the file,
 * often {@code archive}) holding {@code data.pkl}, {@code data/KEY} for each storage, and
 * optionally {@code byteorder} ({@code little} or {@code big}) and {@code version}. PyTorch stores
 * entries uncompressed; compressed ones are read too, within the ratio deflate can reach.
 */
final class ZipCheckpoint implements StorageSource, AutoCloseable {
    private static final String PICKLE = "data.pkl";
    /** Deflate expands at most ~1032:1; a larger claim is a lie about the entry's size. */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private final ZipFile zip;
    private final String prefix;
    private final ByteOrder order;
    private final long fileSize;

    private ZipCheckpoint(ZipFile zip, String prefix, ByteOrder order, long fileSize) {
        this.zip = zip;
        this.prefix = prefix;
        this.order = order;
        this.fileSize = fileSize;
    }

    static ZipCheckpoint open(Path file) throws CheckpointException {
        ZipFile zip;
        long size;
        try {
            size = Files.size(file);
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new CheckpointException("it starts like a zip archive but is truncated or damaged (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new CheckpointException("cannot read it: " + e.getMessage(), e);
        }
        try {
            String prefix = picklePrefix(zip);
            ByteOrder order = byteOrder(zip, prefix);
            return new ZipCheckpoint(zip, prefix, order, size);
        } catch (CheckpointException | RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    /** The top folder holding data.pkl; exactly one must. */
    private static String picklePrefix(ZipFile zip) throws CheckpointException {
        List<String> found = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            String name = entries.nextElement().getName();
            int slash = name.indexOf('/');
            if (slash > 0 && name.substring(slash + 1).equals(PICKLE)) found.add(name.substring(0, slash + 1));
        }
        if (found.size() != 1) {
            throw new CheckpointException(found.isEmpty() ? "it is a zip archive without a */data.pkl: not a PyTorch checkpoint"
                    : "it is a zip archive with " + found.size() + " data.pkl files: not one PyTorch checkpoint");
        }
        return found.get(0);
    }

    private static ByteOrder byteOrder(ZipFile zip, String prefix) throws CheckpointException {
        ZipEntry e = zip.getEntry(prefix + "byteorder");
        if (e == null) return ByteOrder.LITTLE_ENDIAN; // written since PyTorch 1.10; before, always little-endian machines
        String text = new String(read(zip, e, 16), StandardCharsets.US_ASCII).trim();
        return switch (text) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new CheckpointException("its byteorder entry says '" + text + "'");
        };
    }

    /** The bytes of data.pkl. */
    ByteBuffer pickle(long maxBytes) throws CheckpointException {
        ZipEntry e = zip.getEntry(prefix + PICKLE);
        return ByteBuffer.wrap(read(zip, e, maxBytes));
    }

    @Override
    public Storage declare(String key, StorageType type, long elements) throws CheckpointException {
        ZipEntry e = zip.getEntry(prefix + "data/" + key);
        if (e == null) throw new CheckpointException("storage '" + key + "' is named in data.pkl but missing from the archive");
        long needed = bytesOf(key, type, elements);
        if (e.getSize() < needed) {
            throw new CheckpointException("storage '" + key + "' should hold " + elements + " " + type + " values (" + needed
                    + " bytes) but its entry has " + e.getSize() + " bytes");
        }
        checkEntry(e);
        return new Storage(key, type, elements, this);
    }

    @Override
    public ByteBuffer bytes(Storage storage) throws CheckpointException {
        ZipEntry e = zip.getEntry(prefix + "data/" + storage.key());
        long needed = storage.elements() * storage.type().bytes();
        byte[] data = readExactly(e, (int) needed);
        return ByteBuffer.wrap(data).order(order);
    }

    /** Sizes of an entry checked against the file before anything of it is allocated. */
    private void checkEntry(ZipEntry e) throws CheckpointException {
        long size = e.getSize();
        long compressed = e.getCompressedSize();
        if (size < 0 || compressed < 0 || compressed > fileSize) {
            throw new CheckpointException("entry " + e.getName() + " claims " + compressed + " bytes in a file of " + fileSize);
        }
        if (e.getMethod() == ZipEntry.STORED ? size != compressed : size > Math.max(1, compressed) * MAX_DEFLATE_RATIO) {
            throw new CheckpointException("entry " + e.getName() + " claims " + size + " bytes from " + compressed + " stored");
        }
    }

    private byte[] readExactly(ZipEntry e, int n) throws CheckpointException {
        try (InputStream s = zip.getInputStream(e)) {
            byte[] data = s.readNBytes(n);
            if (data.length != n) throw new CheckpointException("entry " + e.getName() + " ends after " + data.length + " of " + n + " bytes");
            return data;
        } catch (IOException ex) {
            throw new CheckpointException("cannot read entry " + e.getName() + ": " + ex.getMessage(), ex);
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry e, long maxBytes) throws CheckpointException {
        if (e.getSize() > maxBytes || e.getSize() < 0) {
            throw new RefusedCheckpointException("refused: entry " + e.getName() + " has " + e.getSize() + " bytes (limit " + maxBytes + ")");
        }
        try (InputStream s = zip.getInputStream(e)) {
            byte[] data = s.readNBytes((int) e.getSize());
            if (data.length != e.getSize()) throw new CheckpointException("entry " + e.getName() + " is truncated");
            return data;
        } catch (IOException ex) {
            throw new CheckpointException("cannot read entry " + e.getName() + ": " + ex.getMessage(), ex);
        }
    }

    /** A storage's size in bytes; Java arrays (and so one storage) end just below 2 GiB. */
    static long bytesOf(String key, StorageType type, long elements) throws CheckpointException {
        long bytes;
        try {
            bytes = Math.multiplyExact(elements, type.bytes());
        } catch (ArithmeticException ex) {
            throw new CheckpointException("storage '" + key + "' claims " + elements + " elements");
        }
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new CheckpointException("storage '" + key + "' has " + bytes + " bytes; storages beyond 2 GiB are not supported");
        }
        return bytes;
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing was read from it
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }
}
