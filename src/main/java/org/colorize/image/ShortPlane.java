package org.colorize.image;

/** An unsigned 16-bit plane. */
final class ShortPlane extends PixelPlane {
    private final short[] pixels;
    private final float[] table;

    ShortPlane(short[] pixels, int offset, int width, int height, float[] table) {
        super(width, height, offset);
        this.pixels = pixels;
        this.table = table;
    }

    @Override
    public void lightnessRow(int y, float[] out) {
        int start = offset + y * width;
        for (int x = 0; x < width; x++) out[x] = table[pixels[start + x] & 0xffff];
    }
}
