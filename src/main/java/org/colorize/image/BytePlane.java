package org.colorize.image;

/** An 8-bit plane (ImageJ ByteProcessor pixels). */
final class BytePlane extends PixelPlane {
    private final byte[] pixels;
    private final float[] table;

    BytePlane(byte[] pixels, int width, int height, GrayMapping mapping) {
        super(width, height);
        this.pixels = pixels;
        this.table = LightnessTables.forIntegers(256, mapping);
    }

    @Override
    public void lightnessRow(int y, float[] out) {
        int offset = y * width;
        for (int x = 0; x < width; x++) out[x] = table[pixels[offset + x] & 0xff];
    }
}
