package org.colorize.detect;

/**
 * Fits an image of any size into the square network input without distorting it: scaled so its
 * long side is {@code size}, placed at the top left, the rest filled with the image's mean gray
 * (no artificial edge where the content ends). Objects keep the proportions the detector learned.
 */
public record Letterbox(int imageWidth, int imageHeight, int size, double scale, int contentWidth, int contentHeight) {

    public static Letterbox fit(int imageWidth, int imageHeight, int size) {
        double scale = (double) size / Math.max(imageWidth, imageHeight);
        int w = (int) Math.max(1, Math.min(size, Math.round(imageWidth * scale)));
        int h = (int) Math.max(1, Math.min(size, Math.round(imageHeight * scale)));
        return new Letterbox(imageWidth, imageHeight, size, scale, w, h);
    }

    /** The network input: {@code size}² × 3, NHWC, gray 0–255 replicated into R, G and B. */
    float[] rgbInput(GrayPlane image) {
        float[] content = LinearResampler.resize(image, contentWidth, contentHeight);
        double sum = 0;
        for (float v : content) sum += v;
        float pad = (float) (sum / content.length);
        float[] rgb = new float[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float v = x < contentWidth && y < contentHeight ? content[y * contentWidth + x] : pad;
                int i = (y * size + x) * 3;
                rgb[i] = v;
                rgb[i + 1] = v;
                rgb[i + 2] = v;
            }
        }
        return rgb;
    }

    /** The network input of a color image: R, G and B planes (0–255) each resized and padded like {@link #rgbInput(GrayPlane)}. */
    float[] rgbInput(GrayPlane red, GrayPlane green, GrayPlane blue) {
        float[] rgb = new float[size * size * 3];
        GrayPlane[] planes = {red, green, blue};
        for (int c = 0; c < 3; c++) {
            float[] one = rgbInput(planes[c]);
            for (int p = 0; p < size * size; p++) rgb[3 * p + c] = one[3 * p];
        }
        return rgb;
    }

    /** A network-input x (or y) coordinate in image pixels, clamped to the image. */
    double toImageX(double x) {
        return Math.max(0, Math.min(imageWidth, x / scale));
    }

    double toImageY(double y) {
        return Math.max(0, Math.min(imageHeight, y / scale));
    }
}
