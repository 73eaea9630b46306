package org.colorize.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Whether an image file holds all the data its own structure announces. Decoders (ImageIO's JPEG
 * reader, ImageJ's TIFF reader) return a partial image from a truncated file with at most a
 * warning on stderr, so the structure is checked before decoding: a JPEG must reach its end
 * marker, a PNG its {@code IEND} chunk with every chunk's checksum right, a TIFF must hold every
 * strip or tile its directories point to, a GIF its trailer, a BMP its pixel rows. Other formats
 * are left to their decoders.
 */
public final class CompleteFile {
    private CompleteFile() {
    }

    /** The problem with {@code file}'s structure ("it ends after 1200 of …"), or null when it is whole or unknown. */
    public static String problem(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > Integer.MAX_VALUE) return null; // beyond one mapped buffer; left to the decoder
            return problem(ch.map(FileChannel.MapMode.READ_ONLY, 0, size));
        }
    }

    static String problem(ByteBuffer b) {
        int n = b.limit();
        if (n >= 2 && u8(b, 0) == 0xFF && u8(b, 1) == 0xD8) return jpeg(b);
        if (n >= 8 && b.getLong(0) == 0x89504E470D0A1A0AL) return png(b);
        if (n >= 4 && ((b.get(0) == 'I' && b.get(1) == 'I') || (b.get(0) == 'M' && b.get(1) == 'M'))) return tiff(b);
        if (n >= 6 && b.get(0) == 'G' && b.get(1) == 'I' && b.get(2) == 'F') return gif(b);
        if (n >= 2 && b.get(0) == 'B' && b.get(1) == 'M') return bmp(b);
        return null;
    }

    private static String truncated(long expected, long actual) {
        return "the file is truncated: it ends after " + actual + " bytes, but its image data runs to byte " + expected;
    }

    private static String truncated(String what) {
        return "the file is truncated: it ends before " + what;
    }

    /** Segments up to each scan, entropy-coded data scanned for the next marker, until EOI. */
    private static String jpeg(ByteBuffer b) {
        int n = b.limit();
        int p = 2;
        boolean scanned = false;
        while (true) {
            if (p >= n) return truncated(scanned ? "its end marker (the lower part of the image is missing)" : "its first scan");
            if (u8(b, p) != 0xFF) return "the file is damaged: no JPEG marker at byte " + p;
            while (p < n && u8(b, p) == 0xFF) p++; // fill bytes
            if (p >= n) return truncated("its end marker");
            int marker = u8(b, p++);
            if (marker == 0xD9) return null; // EOI
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue; // no length
            if (p + 2 > n) return truncated("the end of a JPEG segment");
            int length = u16be(b, p);
            if (length < 2) return "the file is damaged: a JPEG segment of length " + length + " at byte " + p;
            if ((long) p + length > n) return truncated(p + length, n);
            p += length;
            if (marker == 0xDA) { // start of scan: entropy-coded data up to the next marker
                scanned = true;
                while (p < n) {
                    if (u8(b, p) == 0xFF && p + 1 < n) {
                        int next = u8(b, p + 1);
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) break;
                    }
                    p++;
                }
                if (p + 1 >= n) return truncated("its end marker (the lower part of the image is missing)");
            }
        }
    }

    /** Chunk by chunk with checksums, until IEND. */
    private static String png(ByteBuffer b) {
        int n = b.limit();
        long p = 8;
        CRC32 crc = new CRC32();
        while (true) {
            if (p + 8 > n) return truncated("its IEND chunk (image data is missing)");
            long length = b.getInt((int) p) & 0xFFFFFFFFL;
            if (p + 12 + length > n) return truncated(p + 12 + length, n);
            crc.reset();
            crc.update(b.duplicate().limit((int) (p + 8 + length)).position((int) p + 4));
            long stored = b.getInt((int) (p + 8 + length)) & 0xFFFFFFFFL;
            String type = chunkType(b, (int) p + 4);
            if (crc.getValue() != stored) return "the file is damaged: the checksum of its " + type + " chunk at byte " + p + " is wrong";
            if (type.equals("IEND")) return null;
            p += 12 + length;
        }
    }

    private static final int STRIP_OFFSETS = 273;
    private static final int STRIP_BYTE_COUNTS = 279;
    private static final int TILE_OFFSETS = 324;
    private static final int TILE_BYTE_COUNTS = 325;

    /** Every directory of the chain, and every strip or tile each points to. */
    private static String tiff(ByteBuffer b) {
        int n = b.limit();
        b.order(b.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int magic = b.getShort(2) & 0xFFFF;
        if (magic != 42) return null; // BigTIFF (43) and others: left to the decoder
        if (n < 8) return truncated("its first image directory");
        long ifd = b.getInt(4) & 0xFFFFFFFFL;
        Set<Long> seen = new HashSet<>();
        int index = 0;
        while (ifd != 0) {
            index++;
            if (!seen.add(ifd)) return "the file is damaged: its image directories form a loop";
            if (ifd + 2 > n) return truncated("image directory " + index + " (at byte " + ifd + ")");
            int entries = b.getShort((int) ifd) & 0xFFFF;
            long end = ifd + 2 + 12L * entries + 4;
            if (end > n) return truncated(end, n);
            long[] offsets = null, counts = null;
            for (int e = 0; e < entries; e++) {
                int at = (int) ifd + 2 + 12 * e;
                int tag = b.getShort(at) & 0xFFFF;
                if (tag == STRIP_OFFSETS || tag == TILE_OFFSETS) {
                    offsets = values(b, at);
                    if (offsets == null) return truncated("the strip list of image directory " + index);
                } else if (tag == STRIP_BYTE_COUNTS || tag == TILE_BYTE_COUNTS) {
                    counts = values(b, at);
                    if (counts == null) return truncated("the strip list of image directory " + index);
                }
            }
            if (offsets != null && counts != null) {
                for (int i = 0; i < Math.min(offsets.length, counts.length); i++) {
                    long last = offsets[i] + counts[i];
                    if (last > n) {
                        return "the file is truncated: it ends after " + n + " bytes, but image " + index + " runs to byte "
                                + last + " (strip " + (i + 1) + " of " + offsets.length + ")";
                    }
                }
            }
            ifd = b.getInt((int) (end - 4)) & 0xFFFFFFFFL;
            if (index > 1_000_000) return "the file is damaged: more than a million image directories";
        }
        return null;
    }

    /** The SHORT or LONG values of a directory entry, or null when they lie beyond the end. */
    private static long[] values(ByteBuffer b, int entry) {
        int type = b.getShort(entry + 2) & 0xFFFF;
        long count = b.getInt(entry + 4) & 0xFFFFFFFFL;
        int width = type == 3 ? 2 : type == 4 ? 4 : 0;
        if (width == 0 || count > Integer.MAX_VALUE / 4) return new long[0];
        long bytes = count * width;
        long at = bytes <= 4 ? entry + 8 : b.getInt(entry + 8) & 0xFFFFFFFFL;
        if (at + bytes > b.limit()) return null;
        long[] v = new long[(int) count];
        for (int i = 0; i < count; i++) {
            int p = (int) (at + (long) i * width);
            v[i] = width == 2 ? b.getShort(p) & 0xFFFF : b.getInt(p) & 0xFFFFFFFFL;
        }
        return v;
    }

    /** A GIF ends with its trailer byte (0x3B). */
    private static String gif(ByteBuffer b) {
        int last = b.limit() - 1;
        while (last > 0 && b.get(last) == 0) last--; // some writers pad
        return b.get(last) == 0x3B ? null : truncated("its trailer (image data is missing)");
    }

    /** An uncompressed BMP holds height rows of padded width·bits from its pixel offset. */
    private static String bmp(ByteBuffer b) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        int n = b.limit();
        if (n < 34) return truncated("its header");
        long offset = b.getInt(10) & 0xFFFFFFFFL;
        int header = b.getInt(14);
        if (header < 40) return null; // OS/2 headers: left to the decoder
        long width = Math.abs((long) b.getInt(18));
        long height = Math.abs((long) b.getInt(22));
        int bits = b.getShort(28) & 0xFFFF;
        int compression = b.getInt(30);
        if (compression != 0 && compression != 3) return null; // RLE, JPEG, PNG inside: left to the decoder
        long row = (width * bits + 31) / 32 * 4;
        long end = offset + row * height;
        return end > n ? truncated(end, n) : null;
    }

    private static String chunkType(ByteBuffer b, int p) {
        char[] c = new char[4];
        for (int i = 0; i < 4; i++) c[i] = (char) u8(b, p + i);
        return new String(c);
    }

    private static int u8(ByteBuffer b, int p) {
        return b.get(p) & 0xFF;
    }

    private static int u16be(ByteBuffer b, int p) {
        return (u8(b, p) << 8) | u8(b, p + 1);
    }
}
