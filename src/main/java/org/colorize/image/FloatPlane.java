package org.colorize.image;

/** A 32-bit float plane, finite values only. */
final class FloatPlane extends PixelPlane {
    private final float[] pixels;
    private final float[] table;
    // In double: with values near ±Float.MAX_VALUE, v − min and the range overflow a float.
    private final double minimum;
    private final double scale;
    private final boolean inverted;

    FloatPlane(float[] pixels, int offset, int width, int height, GrayMapping mapping, float[] grayTable) {
        super(width, height, offset);
        this.pixels = pixels;
        this.table = grayTable;
        this.minimum = mapping.min();
        this.scale = mapping.max() > mapping.min() ? LightnessTables.FLOAT_STEPS / (mapping.max() - mapping.min()) : 0;
        this.inverted = mapping.inverted();
    }

    @Override
    public void lightnessRow(int y, float[] out) {
        int start = offset + y * width;
        int last = LightnessTables.FLOAT_STEPS;
        for (int x = 0; x < width; x++) {
            float t = (float) ((pixels[start + x] - minimum) * scale);
            if (inverted) t = last - t;
            if (t <= 0) {
                out[x] = table[0];
            } else if (t >= last) {
                out[x] = table[last];
            } else {
                int i = (int) t;
                float f = t - i;
                out[x] = table[i] + f * (table[i + 1] - table[i]);
            }
        }
    }
}
