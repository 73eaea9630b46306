package org.colorize.image;

/** Receives finished output rows: planar sRGB-encoded r, g, b in [0, 1]. */
public interface ColorSink {
    void write(int y, float[] red, float[] green, float[] blue);

    /** Packed 8-bit RGB (an ImageJ ColorProcessor's pixels). */
    static ColorSink rgb8(int[] pixels, int width) {
        return (y, red, green, blue) -> {
            int offset = y * width;
            for (int x = 0; x < width; x++) {
                int r = (int) (red[x] * 255f + 0.5f);
                int g = (int) (green[x] * 255f + 0.5f);
                int b = (int) (blue[x] * 255f + 0.5f);
                pixels[offset + x] = 0xff000000 | (r << 16) | (g << 8) | b;
            }
        };
    }

    /** Three 16-bit channels on the input's data range [min, max]. */
    static ColorSink channels16(short[] red, short[] green, short[] blue, int width, double min, double max) {
        float scale = (float) (max - min);
        float offset = (float) min;
        return (y, r, g, b) -> {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                red[row + x] = (short) (int) (offset + r[x] * scale + 0.5f);
                green[row + x] = (short) (int) (offset + g[x] * scale + 0.5f);
                blue[row + x] = (short) (int) (offset + b[x] * scale + 0.5f);
            }
        };
    }

    /**
     * Three 32-bit channels on the input's data range [min, max], computed in double: a range
     * near ±Float.MAX_VALUE overflows a float, though every channel value lies within it.
     */
    static ColorSink channels32(float[] red, float[] green, float[] blue, int width, double min, double max) {
        double scale = max - min;
        return (y, r, g, b) -> {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                red[row + x] = (float) (min + r[x] * scale);
                green[row + x] = (float) (min + g[x] * scale);
                blue[row + x] = (float) (min + b[x] * scale);
            }
        };
    }
}
