package org.colorize.train.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a binary Qt resource bundle ({@code .rcc}, as written by {@code rcc -binary}) and lists its
 * files with their bytes.
 *
 * <p>The layout (all numbers big-endian), as Qt's {@code rcc} writes it and {@code QResource}
 * reads it:
 * <ul>
 *   <li>header: magic {@code "qres"}, format version (u32), then the offsets (u32, from the start
 *       of the file) of the tree, the data blobs and the names; version 3 adds a u32 of flags
 *       that are set anywhere in the file.</li>
 *   <li>tree: fixed-size nodes, 14 bytes in version 1 and 22 from version 2 on (a trailing u64
 *       last-modified time). Node 0 is the root. Every node starts with its name offset (u32)
 *       and flags (u16). A directory (flag 0x02) continues with its child count (u32) and the
 *       index of its first child node (u32; the children are consecutive); a file continues
 *       with territory (u16), language (u16) and its data offset (u32).</li>
 *   <li>names: at name offset, a length in UTF-16 units (u16), a hash (u32), then the name as
 *       UTF-16BE.</li>
 *   <li>data: at data offset, a length (u32) and that many bytes. Flag 0x01: the bytes are
 *       {@code qCompress} output, i.e. the uncompressed length (u32) followed by a zlib stream.
 *       Flag 0x04: the bytes are one zstd frame.</li>
 * </ul>
 * Java has no zstd decoder, so zstd entries are listed with {@link RccFile#zstd()} set and no
 * bytes; the caller counts them as skipped.
 */
public final class RccReader {
    static final int FLAG_ZLIB = 0x01;
    static final int FLAG_DIRECTORY = 0x02;
    static final int FLAG_ZSTD = 0x04;

    /** One file of the bundle: its absolute resource path ({@code /prefix/dir/name}) and bytes. */
    public record RccFile(String path, int flags, byte[] data) {
        /** True when the entry is zstd-compressed and was not decoded ({@link #data()} is null). */
        public boolean zstd() {
            return (flags & FLAG_ZSTD) != 0;
        }
    }

    /** The files of a bundle and its format version. */
    public record RccContents(int version, List<RccFile> files) {
        public long zstdSkipped() {
            return files.stream().filter(RccFile::zstd).count();
        }
    }

    private final ByteBuffer buf;
    private final int version;
    private final int tree;
    private final int data;
    private final int names;
    private final int nodeSize;

    private RccReader(byte[] bytes) throws IOException {
        buf = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        if (bytes.length < 20 || bytes[0] != 'q' || bytes[1] != 'r' || bytes[2] != 'e' || bytes[3] != 's') {
            throw new IOException("not a Qt resource bundle (no 'qres' magic)");
        }
        version = buf.getInt(4);
        if (version < 1 || version > 3) throw new IOException("unsupported Qt resource format version " + version);
        tree = buf.getInt(8);
        data = buf.getInt(12);
        names = buf.getInt(16);
        nodeSize = version >= 2 ? 22 : 14;
        for (int off : new int[] {tree, data, names}) {
            if (off < 0 || off > bytes.length) throw new IOException("Qt resource offset out of range: " + off);
        }
    }

    /** Parses a whole bundle held in memory. */
    public static RccContents read(byte[] bytes) throws IOException {
        RccReader r = new RccReader(bytes);
        List<RccFile> out = new ArrayList<>();
        try {
            r.walk(0, "", out, 0);
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw new IOException("truncated or corrupt Qt resource bundle", e);
        }
        return new RccContents(r.version, out);
    }

    private void walk(int node, String parent, List<RccFile> out, int depth) throws IOException {
        if (depth > 64) throw new IOException("Qt resource tree too deep (cycle?)");
        int at = tree + node * nodeSize;
        int nameOffset = buf.getInt(at);
        int flags = buf.getShort(at + 4) & 0xffff;
        String path = node == 0 ? "" : parent + "/" + name(nameOffset);
        if ((flags & FLAG_DIRECTORY) != 0) {
            int count = buf.getInt(at + 6);
            int first = buf.getInt(at + 10);
            if (count < 0 || first < 0 || (count > 0 && first <= node)) {
                throw new IOException("corrupt Qt resource directory node " + node);
            }
            for (int i = 0; i < count; i++) walk(first + i, path, out, depth + 1);
        } else {
            int dataOffset = buf.getInt(at + 10);
            int blob = data + dataOffset;
            int length = buf.getInt(blob);
            if (length < 0 || blob + 4 + length > buf.capacity()) throw new IOException("Qt resource data out of range: " + path);
            byte[] raw = new byte[length];
            buf.get(blob + 4, raw);
            byte[] bytes;
            if ((flags & FLAG_ZSTD) != 0) {
                bytes = null;
            } else if ((flags & FLAG_ZLIB) != 0) {
                bytes = qUncompress(raw, path);
            } else {
                bytes = raw;
            }
            out.add(new RccFile(path, flags, bytes));
        }
    }

    private String name(int offset) {
        int at = names + offset;
        int length = buf.getShort(at) & 0xffff;
        byte[] utf16 = new byte[2 * length];
        buf.get(at + 6, utf16);
        return new String(utf16, StandardCharsets.UTF_16BE);
    }

    /** {@code qUncompress}: a big-endian u32 with the expected size, then a zlib stream. */
    static byte[] qUncompress(byte[] raw, String path) throws IOException {
        if (raw.length < 4) throw new IOException("zlib entry too short: " + path);
        long expected = ((raw[0] & 0xffL) << 24) | ((raw[1] & 0xffL) << 16) | ((raw[2] & 0xffL) << 8) | (raw[3] & 0xffL);
        if (expected > Integer.MAX_VALUE - 16) throw new IOException("zlib entry too large: " + path);
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw, 4, raw.length - 4);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(expected, 1 << 26));
            byte[] chunk = new byte[1 << 16];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated zlib entry: " + path);
                }
                out.write(chunk, 0, n);
            }
            if (out.size() != expected) {
                throw new IOException("zlib entry " + path + " inflated to " + out.size() + " bytes, header says " + expected);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("bad zlib data in " + path + ": " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
