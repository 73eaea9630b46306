package org.colorize.io;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A PNG encoder for 8-bit RGB results, without ImageIO or AWT (so a Spark executor can use it,
 * and so batches are not bound by ImageIO's writer): every row gets the Sub filter instead of
 * ImageIO's per-row trial of all five filters, and zlib's fastest level. On a colorized 2-MP
 * photo that is 0.05–0.06 s instead of ImageIO's 0.17 s (thread CPU), and the file is about half
 * the size of ImageIO's; the pixels are the same (PNG is lossless). Text entries become
 * {@code tEXt} chunks (Latin-1; other characters become '?', as ImageIO writes them).
 */
public final class PngEncoder {
    /** zlib's level: 1 is fastest, 9 smallest (ImageIO uses 4; on Sub-filtered photos 1 is a quarter faster for a few percent more bytes). */
    static final int LEVEL = 1;
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int SUB = 1;

    private PngEncoder() {
    }

    /**
     * Writes {@code argb} (alpha ignored) as an RGB PNG to {@code out}, which is not closed.
     *
     * @param text keyword → text, in order
     */
    public static void writeRgb(int[] argb, int width, int height, Map<String, String> text, OutputStream out) throws IOException {
        if (width <= 0 || height <= 0 || (long) width * height != argb.length) {
            throw new IllegalArgumentException(width + "x" + height + " does not match " + argb.length + " pixels");
        }
        DataOutputStream data = new DataOutputStream(out);
        data.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // color type: RGB
        chunk(data, "IHDR", header, header.length);
        for (Map.Entry<String, String> e : text.entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.ISO_8859_1);
            byte[] value = e.getValue().getBytes(StandardCharsets.ISO_8859_1);
            byte[] body = new byte[key.length + 1 + value.length];
            System.arraycopy(key, 0, body, 0, key.length);
            System.arraycopy(value, 0, body, key.length + 1, value.length);
            chunk(data, "tEXt", body, body.length);
        }
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(filtered(argb, width, height));
            deflater.finish();
            byte[] buffer = new byte[1 << 16];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                if (n > 0) chunk(data, "IDAT", buffer, n);
            }
        } finally {
            deflater.end();
        }
        chunk(data, "IEND", new byte[0], 0);
        data.flush();
    }

    /**
     * The scanlines, each a filter byte and the Sub-filtered RGB bytes (each byte minus the same
     * channel of the pixel to its left). Sub costs one subtraction a byte; Paeth compresses
     * photos a little better but its per-byte predictor costs more than the deflate it saves.
     */
    private static byte[] filtered(int[] argb, int width, int height) {
        int stride = 3 * width;
        byte[] rows = new byte[(stride + 1) * height];
        int o = 0;
        for (int y = 0; y < height; y++) {
            rows[o++] = SUB;
            int left = 0;
            for (int i = y * width, end = i + width; i < end; i++) {
                int p = argb[i];
                rows[o++] = (byte) ((p >> 16) - (left >> 16));
                rows[o++] = (byte) ((p >> 8) - (left >> 8));
                rows[o++] = (byte) (p - left);
                left = p;
            }
        }
        return rows;
    }

    private static void chunk(DataOutputStream out, String type, byte[] body, int length) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(body, 0, length);
        out.writeInt(length);
        out.write(name);
        out.write(body, 0, length);
        out.writeInt((int) crc.getValue());
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
