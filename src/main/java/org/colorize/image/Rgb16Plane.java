package org.colorize.image;

import org.colorize.color.Lab;
import org.colorize.color.SrgbTransfer;

/**
 * Three 16-bit sRGB channel planes (a 48-bit RGB scan) read as their CIE lightness at full
 * precision: each 16-bit code is linearized through a 65536-entry table, then L of the luminance
 * is interpolated on a 65536-step table; the chroma is discarded.
 */
final class Rgb16Plane extends PixelPlane {
    private static final float[] LINEAR = new float[65536];
    private static final int Y_STEPS = 1 << 16;
    private static final float[] L_OF_Y = new float[Y_STEPS + 1];
    private static final float Y_R, Y_G, Y_B;

    static {
        for (int v = 0; v < 65536; v++) LINEAR[v] = (float) SrgbTransfer.decode(v / 65535.0);
        for (int i = 0; i <= Y_STEPS; i++) L_OF_Y[i] = (float) Lab.lightnessOfLuminance(i / (double) Y_STEPS);
        double[] m = Lab.rgbToXyzMatrix();
        Y_R = (float) m[3];
        Y_G = (float) m[4];
        Y_B = (float) m[5];
    }

    private final short[] red;
    private final short[] green;
    private final short[] blue;
    private final int greenOffset;
    private final int blueOffset;

    Rgb16Plane(PlaneArray red, PlaneArray green, PlaneArray blue, int width, int height) {
        super(width, height, red.offset());
        this.red = (short[]) red.array();
        this.green = (short[]) green.array();
        this.blue = (short[]) blue.array();
        this.greenOffset = green.offset();
        this.blueOffset = blue.offset();
    }

    @Override
    public void lightnessRow(int y, float[] out) {
        int row = y * width;
        for (int x = 0; x < width; x++) {
            float luminance = Y_R * LINEAR[red[offset + row + x] & 0xffff]
                    + Y_G * LINEAR[green[greenOffset + row + x] & 0xffff]
                    + Y_B * LINEAR[blue[blueOffset + row + x] & 0xffff];
            float t = Math.min(1f, Math.max(0f, luminance)) * Y_STEPS;
            int i = Math.min((int) t, Y_STEPS - 1);
            float f = t - i;
            out[x] = L_OF_Y[i] + f * (L_OF_Y[i + 1] - L_OF_Y[i]);
        }
    }
}
