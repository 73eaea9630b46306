package org.colorize.train.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Qt resource reader on bundles written here by a minimal rcc (layout as in Qt's rcc.cpp). */
class RccReaderTest {

    /** A file entry to write: resource path below the root, stored bytes, flags. */
    record Entry(String path, byte[] stored, int flags) {
    }

    /**
     * Writes a binary .rcc: header, data blobs, names, then the tree of 14/22-byte nodes laid out
     * breadth-first (a directory's children consecutive).
     */
    static byte[] writeRcc(int version, List<Entry> entries) throws IOException {
        // Build the directory tree.
        Node root = new Node("", true);
        for (Entry e : entries) {
            String[] parts = e.path().split("/");
            Node dir = root;
            for (int i = 0; i < parts.length - 1; i++) dir = dir.children.computeIfAbsent(parts[i], n -> new Node(n, true));
            Node leaf = new Node(parts[parts.length - 1], false);
            leaf.entry = e;
            dir.children.put(leaf.name, leaf);
        }
        // Breadth-first numbering.
        List<Node> order = new ArrayList<>();
        order.add(root);
        for (int i = 0; i < order.size(); i++) {
            Node n = order.get(i);
            if (n.dir) {
                n.firstChild = order.size();
                order.addAll(n.children.values());
            }
        }
        int header = version >= 3 ? 24 : 20;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(data);
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        DataOutputStream nm = new DataOutputStream(names);
        for (Node n : order) {
            if (n != root) {
                n.nameOffset = names.size();
                nm.writeShort(n.name.length());
                nm.writeInt(n.name.hashCode());
                nm.write(n.name.getBytes(StandardCharsets.UTF_16BE));
            }
            if (!n.dir) {
                n.dataOffset = data.size();
                d.writeInt(n.entry.stored().length);
                d.write(n.entry.stored());
            }
        }
        int dataOffset = header;
        int namesOffset = dataOffset + data.size();
        int treeOffset = namesOffset + names.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(out);
        o.writeBytes("qres");
        o.writeInt(version);
        o.writeInt(treeOffset);
        o.writeInt(dataOffset);
        o.writeInt(namesOffset);
        if (version >= 3) o.writeInt(0);
        o.write(data.toByteArray());
        o.write(names.toByteArray());
        for (Node n : order) {
            o.writeInt(n.nameOffset);
            if (n.dir) {
                o.writeShort(RccReader.FLAG_DIRECTORY);
                o.writeInt(n.children.size());
                o.writeInt(n.firstChild);
            } else {
                o.writeShort(n.entry.flags());
                o.writeShort(0);
                o.writeShort(1);
                o.writeInt(n.dataOffset);
            }
            if (version >= 2) o.writeLong(1_700_000_000_000L);
        }
        return out.toByteArray();
    }

    private static final class Node {
        final String name;
        final boolean dir;
        final Map<String, Node> children = new TreeMap<>();
        Entry entry;
        int nameOffset;
        int dataOffset;
        int firstChild;

        Node(String name, boolean dir) {
            this.name = name;
            this.dir = dir;
        }
    }

    /** qCompress: big-endian uncompressed size, then a zlib stream. */
    static byte[] qCompress(byte[] raw) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[raw.length + 64];
        int n = deflater.deflate(buf);
        deflater.end();
        byte[] out = new byte[n + 4];
        out[0] = (byte) (raw.length >>> 24);
        out[1] = (byte) (raw.length >>> 16);
        out[2] = (byte) (raw.length >>> 8);
        out[3] = (byte) raw.length;
        System.arraycopy(buf, 0, out, 4, n);
        return out;
    }

    private static final byte[] PLAIN = "RIFF....WEBPVP8 plain bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT = "a text that compresses well, well, well, well, well".repeat(20).getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void readsEveryEntryOfEachFormatVersion(int version) throws IOException {
        byte[] rcc = writeRcc(version, List.of(
                new Entry("gcompris/src/activities/erase/resource/bee.webp", PLAIN, 0),
                new Entry("gcompris/src/activities/erase/resource/readme.txt", qCompress(TEXT), RccReader.FLAG_ZLIB),
                new Entry("gcompris/src/activities/erase/resource/zebra.webp", new byte[] {(byte) 0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 1, 2},
                        RccReader.FLAG_ZSTD),
                new Entry("gcompris/src/core/Ω-unicode.webp", PLAIN, 0)));
        RccReader.RccContents contents = RccReader.read(rcc);
        assertEquals(version, contents.version());
        Map<String, RccReader.RccFile> byPath = contents.files().stream()
                .collect(Collectors.toMap(RccReader.RccFile::path, f -> f));
        assertEquals(4, byPath.size(), byPath.keySet().toString());
        assertArrayEquals(PLAIN, byPath.get("/gcompris/src/activities/erase/resource/bee.webp").data());
        assertArrayEquals(TEXT, byPath.get("/gcompris/src/activities/erase/resource/readme.txt").data(), "zlib entry inflated");
        RccReader.RccFile zstd = byPath.get("/gcompris/src/activities/erase/resource/zebra.webp");
        assertTrue(zstd.zstd());
        assertNull(zstd.data(), "zstd entries are listed, not decoded");
        assertEquals(1, contents.zstdSkipped());
        assertArrayEquals(PLAIN, byPath.get("/gcompris/src/core/Ω-unicode.webp").data(), "UTF-16 names");
    }

    @Test
    void refusesWhatIsNotABundle() {
        assertThrows(IOException.class, () -> RccReader.read("PK\u0003\u0004 not qres at all....".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void refusesTruncatedAndCorruptBundles() throws IOException {
        byte[] rcc = writeRcc(3, List.of(new Entry("a/b.webp", PLAIN, 0)));
        byte[] truncated = java.util.Arrays.copyOf(rcc, rcc.length - 10);
        assertThrows(IOException.class, () -> RccReader.read(truncated));
        byte[] wrongSize = qCompress(TEXT);
        wrongSize[3]++; // header says one byte more than the stream holds
        byte[] bad = writeRcc(3, List.of(new Entry("a/c.txt", wrongSize, RccReader.FLAG_ZLIB)));
        IOException e = assertThrows(IOException.class, () -> RccReader.read(bad));
        assertTrue(e.getMessage().contains("a/c.txt"), e.getMessage());
    }
}
