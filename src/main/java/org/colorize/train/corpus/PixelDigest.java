package org.colorize.train.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.colorize.color.RgbRaster;

/**
 * SHA-256 digests: of decoded pixels (so the same picture saved as PNG and as lossless WebP, or
 * with different metadata, is one picture), and of files.
 */
public final class PixelDigest {
    private PixelDigest() {
    }

    /** SHA-256 over "W×H", whether there is alpha, then R,G,B (and A when there is alpha) per pixel. */
    public static String of(RgbRaster p) {
        MessageDigest md = sha256();
        md.update((p.width() + "x" + p.height() + (p.alpha() ? "rgba" : "rgb")).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        int bpp = p.alpha() ? 4 : 3;
        byte[] chunk = new byte[bpp * 4096];
        int n = 0;
        for (int c : p.argb()) {
            chunk[n++] = (byte) (c >> 16);
            chunk[n++] = (byte) (c >> 8);
            chunk[n++] = (byte) c;
            if (bpp == 4) chunk[n++] = (byte) (c >>> 24);
            if (n == chunk.length) {
                md.update(chunk, 0, n);
                n = 0;
            }
        }
        md.update(chunk, 0, n);
        return HexFormat.of().formatHex(md.digest());
    }

    public static String ofBytes(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    public static String ofFile(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
