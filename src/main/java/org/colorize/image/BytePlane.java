package org.colorize.image;

/** An 8-bit plane (ImageJ ByteProcessor pixels). */
final class BytePlane implements LightnessPlane {
    private final byte[] pixels;
    private final int width;
    private final int height;
    private final float[] table;

    BytePlane(byte[] pixels, int width, int height, GrayMapping mapping) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        this.table = LightnessTables.forIntegers(256, mapping);
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
        for (int x = 0; x < width; x++) out[x] = table[pixels[offset + x] & 0xff];
    }
}
