package org.colorize.image;

/**
 * One gray plane read as CIE lightness L (0..100), row by row. Implementations read the plane's
 * own pixel array (no copy) through a lookup table, so a row costs one table read per pixel.
 */
public interface LightnessPlane {
    int width();

    int height();

    /** Writes row {@code y}'s L values into {@code out[0 .. width)}. */
    void lightnessRow(int y, float[] out);
}
