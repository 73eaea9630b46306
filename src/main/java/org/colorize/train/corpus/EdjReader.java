package org.colorize.train.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the JPEG images stored inside an Enlightenment theme or wallpaper file ({@code .edj}, an
 * Eet archive). Eet keeps lossy images as plain JFIF streams behind its own small header, so the
 * streams are found by walking JPEG's marker structure from each start-of-image marker: segments
 * with a length up to start-of-scan, then entropy-coded data up to the end-of-image marker (an FF
 * there is followed by 00 or a restart marker). Nothing but bytes is read; a stream that does not
 * follow the structure is skipped.
 */
final class EdjReader {
    /** Smaller streams are thumbnails and previews, not the wallpaper. */
    static final int MIN_BYTES = 20_000;

    private EdjReader() {
    }

    /** One JPEG stream: its offset in the file and its bytes. */
    record Jpeg(int offset, byte[] data) {
    }

    /** Every well-formed JPEG stream of at least {@link #MIN_BYTES}, in file order. */
    static List<Jpeg> jpegs(byte[] file) {
        List<Jpeg> out = new ArrayList<>();
        int i = 0;
        while (i + 4 < file.length) {
            if (u(file, i) == 0xFF && u(file, i + 1) == 0xD8 && u(file, i + 2) == 0xFF) {
                int end = endOfImage(file, i);
                if (end > 0) {
                    if (end - i >= MIN_BYTES) out.add(new Jpeg(i, java.util.Arrays.copyOfRange(file, i, end)));
                    i = end;
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    /** The largest stream (the full-size picture; the others are its smaller renditions), or null. */
    static Jpeg largest(byte[] file) {
        Jpeg best = null;
        for (Jpeg j : jpegs(file)) if (best == null || j.data().length > best.data().length) best = j;
        return best;
    }

    /** The offset just past the stream's end-of-image marker, or -1 when it is not a JPEG stream. */
    static int endOfImage(byte[] b, int soi) {
        int p = soi + 2;
        while (p + 4 <= b.length) {
            if (u(b, p) != 0xFF) return -1;
            int marker = u(b, p + 1);
            if (marker == 0xFF) { // fill byte
                p++;
                continue;
            }
            if (marker == 0xD9) return p + 2;
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // standalone markers
                p += 2;
                continue;
            }
            int len = (u(b, p + 2) << 8) | u(b, p + 3);
            if (len < 2) return -1;
            p += 2 + len;
            if (marker == 0xDA) { // start of scan: entropy-coded data follows
                while (p + 1 < b.length) {
                    if (u(b, p) == 0xFF) {
                        int next = u(b, p + 1);
                        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                            p += 2;
                            continue;
                        }
                        if (next == 0xFF) {
                            p++;
                            continue;
                        }
                        break; // a real marker: DHT/DQT/SOS of the next scan, or EOI
                    }
                    p++;
                }
            }
        }
        return -1;
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }
}
