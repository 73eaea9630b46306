package org.colorize.io;

import ij.process.ImageProcessor;
import ij.process.LUT;

/**
 * What an 8-bit image's lookup table does to its stored values. Palette files (PNG, GIF, BMP,
 * TIFF) open in ImageJ as 8-bit index values with a table: a 1-bit PNG as 0/1 with black and
 * white entries, a gray palette in any order as a permuted gray table. Their stored values are not
 * what is displayed, so a reader takes the table's entries instead.
 */
public enum DisplayedGray {
    /** Entry i is gray level i: the stored values are the displayed ones. */
    IDENTITY,
    /** Entry i is gray level 255 − i (an inverting LUT). */
    INVERTED,
    /** Every entry is a gray, in some other order: {@link #grayTable} maps stored → displayed. */
    GRAY,
    /** Some entry has color: the displayed image is RGB. */
    COLOR;

    public static DisplayedGray of(ImageProcessor ip) {
        LUT lut = ip.getLut();
        if (lut == null) return IDENTITY;
        int size = lut.getMapSize();
        byte[] r = new byte[size], g = new byte[size], b = new byte[size];
        lut.getReds(r);
        lut.getGreens(g);
        lut.getBlues(b);
        boolean identity = size == 256, inverted = size == 256;
        for (int i = 0; i < size; i++) {
            if (r[i] != g[i] || g[i] != b[i]) return COLOR;
            identity &= (r[i] & 0xff) == i;
            inverted &= (r[i] & 0xff) == 255 - i;
        }
        return identity ? IDENTITY : inverted ? INVERTED : GRAY;
    }

    /** Stored value → displayed gray level, through a gray table (values beyond a short table: its last entry). */
    public static byte[] grayTable(ImageProcessor ip) {
        LUT lut = ip.getLut();
        int size = lut.getMapSize();
        byte[] r = new byte[size];
        lut.getReds(r);
        byte[] table = new byte[256];
        for (int v = 0; v < 256; v++) table[v] = r[Math.min(v, size - 1)];
        return table;
    }

    /** {@code pixels} through {@code table}, into a new array. */
    public static byte[] map(byte[] pixels, byte[] table) {
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) out[i] = table[pixels[i] & 0xff];
        return out;
    }
}
