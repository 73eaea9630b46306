package org.colorize.image;

/** A 16-bit plane (ImageJ ShortProcessor pixels, unsigned). */
final class ShortPlane extends PixelPlane {
    private final short[] pixels;
    private final float[] table;

    ShortPlane(short[] pixels, int width, int height, float[] table) {
        super(width, height);
        this.pixels = pixels;
        this.table = table;
    }

    @Override
    public void lightnessRow(int y, float[] out) {
        int offset = y * width;
        for (int x = 0; x < width; x++) out[x] = table[pixels[offset + x] & 0xffff];
    }
}
