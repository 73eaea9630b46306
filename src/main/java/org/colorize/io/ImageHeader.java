package org.colorize.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts read from the first bytes of an image file, before (or instead of) decoding it. */
public final class ImageHeader {
    private ImageHeader() {
    }

    /** Whether {@code file} is a PNG of 16 bits per sample in RGB (a 48-bit scan), with or without alpha. */
    public static boolean isRgb16Png(Path file) {
        byte[] h = head(file, 26);
        if (h.length < 26 || (h[0] & 0xff) != 0x89 || h[1] != 'P' || h[2] != 'N' || h[3] != 'G') return false;
        int bitDepth = h[24] & 0xff;
        int colorType = h[25] & 0xff;
        return bitDepth == 16 && (colorType == 2 || colorType == 6);
    }

    /**
     * The number of color components of a JPEG's frame (1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK), or 0
     * when {@code file} is not a JPEG or its frame header is not found.
     */
    public static int jpegComponents(Path file) {
        byte[] b = head(file, 1 << 20);
        if (b.length < 4 || (b[0] & 0xff) != 0xFF || (b[1] & 0xff) != 0xD8) return 0;
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xff) != 0xFF) return 0;
            int marker = b[p + 1] & 0xff;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            int length = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) return p + 9 < b.length ? b[p + 9] & 0xff : 0;
            if (marker == 0xDA || marker == 0xD9) return 0;
            p += 2 + length;
        }
        return 0;
    }

    private static byte[] head(Path file, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
