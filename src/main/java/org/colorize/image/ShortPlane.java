package org.colorize.image;

/** A 16-bit plane (ImageJ ShortProcessor pixels, unsigned). */
final class ShortPlane implements LightnessPlane {
    private final short[] pixels;
    private final int width;
    private final int height;
    private final float[] table;

    ShortPlane(short[] pixels, int width, int height, float[] table) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        this.table = table;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void lightnessRow(int y, float[] out) {
        int offset = y * width;
        for (int x = 0; x < width; x++) out[x] = table[pixels[offset + x] & 0xffff];
    }
}
