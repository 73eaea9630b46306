package org.colorize.detect;

/**
 * A gray image as a row-major float plane, either CIE L* (0–100, what the colorization
 * pipeline carries) or gray levels 0–255. The array is not copied.
 */
public record GrayPlane(int width, int height, float[] values, Scale scale) {
    /** What the values mean, and the factor to gray levels 0–255. */
    public enum Scale {
        LIGHTNESS(2.55f),
        GRAY_255(1f);

        final float toGray255;

        Scale(float toGray255) {
            this.toGray255 = toGray255;
        }
    }

    public GrayPlane {
        if (width < 1 || height < 1) throw new IllegalArgumentException("image is " + width + "×" + height);
        if (values.length != (long) width * height) {
            throw new IllegalArgumentException("plane has " + values.length + " values for " + width + "×" + height);
        }
    }

    public static GrayPlane ofLightness(int width, int height, float[] lightness) {
        return new GrayPlane(width, height, lightness, Scale.LIGHTNESS);
    }

    public static GrayPlane ofGray255(int width, int height, float[] gray) {
        return new GrayPlane(width, height, gray, Scale.GRAY_255);
    }

    /** Gray level 0–255 at (x, y). */
    float gray255(int x, int y) {
        return values[y * width + x] * scale.toGray255;
    }
}
