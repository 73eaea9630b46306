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
 * and so batches are not bound by ImageIO's writer): every row gets the Paeth filter instead of
 * ImageIO's per-row trial of all five filters, and the deflate level is {@value #LEVEL}. On a
 * colorized 2-MP photo that is about a quarter of ImageIO's time for files a few percent larger;
 * the pixels are the same (PNG is lossless). Text entries become {@code tEXt} chunks (Latin-1;
 * other characters become '?', as ImageIO writes them).
 */
public final class PngEncoder {
    /** zlib's level: 1 is fastest, 9 smallest; 4 is ImageIO's default too. */
    static final int LEVEL = 4;
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};
    private static final int PAETH = 4;

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

    /** The scanlines, each a filter byte and the Paeth-filtered RGB bytes. */
    private static byte[] filtered(int[] argb, int width, int height) {
        int stride = 3 * width;
        byte[] rows = new byte[(stride + 1) * height];
        byte[] previous = new byte[stride];
        byte[] current = new byte[stride];
        for (int y = 0; y < height; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int p = argb[base + x];
                current[3 * x] = (byte) (p >> 16);
                current[3 * x + 1] = (byte) (p >> 8);
                current[3 * x + 2] = (byte) p;
            }
            int o = y * (stride + 1);
            rows[o++] = PAETH;
            for (int i = 0; i < stride; i++) {
                int a = i >= 3 ? current[i - 3] & 0xff : 0;
                int b = previous[i] & 0xff;
                int c = i >= 3 ? previous[i - 3] & 0xff : 0;
                rows[o + i] = (byte) (current[i] - paeth(a, b, c));
            }
            byte[] t = previous;
            previous = current;
            current = t;
        }
        return rows;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) return a;
        return pb <= pc ? b : c;
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
