package org.colorize.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes pickles and checkpoints opcode by opcode, for the hostile cases: each method appends
 * one opcode with its operand, exactly as Python's pickle module would.
 */
final class PickleBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static PickleBytes protocol(int version) {
        PickleBytes p = new PickleBytes();
        p.op(0x80).raw(version);
        return p;
    }

    PickleBytes op(int opcode) {
        out.write(opcode);
        return this;
    }

    PickleBytes raw(int... bytes) {
        for (int b : bytes) out.write(b);
        return this;
    }

    PickleBytes le32(long v) {
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        return this;
    }

    PickleBytes global(String module, String name) {
        op('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    PickleBytes str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X').le32(b.length);
        out.writeBytes(b);
        return this;
    }

    PickleBytes integer(int v) {
        if (v >= 0 && v < 256) return op('K').raw(v);
        return op('J').le32(v);
    }

    PickleBytes mark() {
        return op('(');
    }

    PickleBytes tuple() {
        return op('t');
    }

    PickleBytes emptyTuple() {
        return op(')');
    }

    PickleBytes reduce() {
        return op('R');
    }

    PickleBytes stop() {
        return op('.');
    }

    /** {@code collections.OrderedDict()}. */
    PickleBytes orderedDict() {
        return global("collections", "OrderedDict").emptyTuple().reduce();
    }

    /**
     * {@code _rebuild_tensor_v2(storage('0', FloatStorage, numel), 0, (n,), (1,), False, OrderedDict())}
     * as torch writes it; {@code legacy} adds the sixth persistent-id element (view metadata None).
     */
    PickleBytes floatTensor(String key, long numel, int n, boolean legacy) {
        global("torch._utils", "_rebuild_tensor_v2").mark();
        mark().str("storage").global("torch", "FloatStorage").str(key).str("cpu").op('J').le32(numel);
        if (legacy) op('N');
        tuple().op('Q');
        integer(0).mark().integer(n).tuple().mark().integer(1).tuple().op(0x89).orderedDict().tuple().reduce();
        return this;
    }

    /** A state dict {key: contiguous float tensor of {@code shape} on storage '0'} (zip format). */
    static PickleBytes stateDict(String key, int... shape) {
        PickleBytes p = protocol(2).orderedDict().str(key);
        int numel = 1;
        for (int d : shape) numel *= d;
        p.global("torch._utils", "_rebuild_tensor_v2").mark();
        p.mark().str("storage").global("torch", "FloatStorage").str("0").str("cpu").integer(numel).tuple().op('Q');
        p.integer(0).mark();
        for (int d : shape) p.integer(d);
        p.tuple().mark();
        int stride = numel;
        for (int d : shape) {
            stride /= d;
            p.integer(stride);
        }
        return p.tuple().op(0x89).orderedDict().tuple().reduce().op('s').stop();
    }

    /** A state dict {key: float tensor of n elements on storage '0' of numel elements}. */
    static PickleBytes stateDict(String key, long numel, int n, boolean legacy) {
        return protocol(2).orderedDict().str(key).floatTensor("0", numel, n, legacy).op('s').stop();
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    /** A zip checkpoint: archive/data.pkl, archive/data/0 = {@code storage}, archive/version. */
    static void writeZip(Path file, byte[] pickle, byte[] storage) {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            stored(zip, "archive/data.pkl", pickle);
            if (storage != null) stored(zip, "archive/data/0", storage);
            stored(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * A legacy checkpoint: magic number, protocol 1001, system info, {@code object}, the key list
     * ['0'], then storage '0' as an 8-byte count and {@code storage}'s bytes.
     */
    static void writeLegacy(Path file, byte[] object, long count, byte[] storage) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        byte[] magic = new BigInteger("1950a86a20f9469cfc6c", 16).toByteArray();
        PickleBytes m = protocol(2).op(0x8a).raw(magic.length);
        for (int i = magic.length - 1; i >= 0; i--) m.raw(magic[i] & 0xff);
        f.writeBytes(m.stop().bytes());
        f.writeBytes(protocol(2).op('M').raw(0xe9, 0x03).stop().bytes());
        f.writeBytes(protocol(2).op('}').str("little_endian").op(0x88).op('s').stop().bytes());
        f.writeBytes(object);
        f.writeBytes(protocol(2).op(']').mark().str("0").op('e').stop().bytes());
        f.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(count).array());
        f.writeBytes(storage);
        try {
            Files.write(file, f.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] floatsLe(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }
}
