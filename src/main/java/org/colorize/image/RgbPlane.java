package org.colorize.image;

import org.colorize.color.Lab;
import org.colorize.color.SrgbTransfer;

/** A packed ARGB plane read as its CIE lightness; its chroma is discarded. */
final class RgbPlane extends PixelPlane {
    private static final float[] LINEAR = new float[256];
    private static final int Y_STEPS = 1 << 16;
    private static final float[] L_OF_Y = new float[Y_STEPS + 1];
    private static final float Y_R, Y_G, Y_B;

    static {
        for (int v = 0; v < 256; v++) LINEAR[v] = (float) SrgbTransfer.decodeByte(v);
        for (int i = 0; i <= Y_STEPS; i++) L_OF_Y[i] = (float) Lab.lightnessOfLuminance(i / (double) Y_STEPS);
        double[] m = Lab.rgbToXyzMatrix();
        Y_R = (float) m[3];
        Y_G = (float) m[4];
        Y_B = (float) m[5];
    }

    private final int[] pixels;

    RgbPlane(int[] pixels, int offset, int width, int height) {
        super(width, height, offset);
        this.pixels = pixels;
    }

    @Override
    public void lightnessRow(int y, float[] out) {
        int start = offset + y * width;
        for (int x = 0; x < width; x++) {
            int c = pixels[start + x];
            float luminance = Y_R * LINEAR[(c >> 16) & 0xff]
                    + Y_G * LINEAR[(c >> 8) & 0xff]
                    + Y_B * LINEAR[c & 0xff];
            float t = Math.min(1f, Math.max(0f, luminance)) * Y_STEPS;
            int i = Math.min((int) t, Y_STEPS - 1);
            float f = t - i;
            out[x] = L_OF_Y[i] + f * (L_OF_Y[i + 1] - L_OF_Y[i]);
        }
    }
}
