package org.colorize.detect;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.colorize.color.Lab;

/** Test images as L planes: from a gray PNG (values L × 2.55) or from a color PNG through CIE L*. */
final class GrayImages {
    private GrayImages() {
    }

    static GrayPlane resource(String name) throws IOException {
        try (InputStream in = GrayImages.class.getResourceAsStream(name)) {
            if (in == null) throw new IOException("test resource " + name + " is missing");
            return lightness(ImageIO.read(in));
        }
    }

    static GrayPlane file(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png)) {
            return lightness(ImageIO.read(in));
        }
    }

    static GrayPlane lightness(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] l = new float[w * h];
        boolean gray = image.getRaster().getNumBands() == 1;
        double[] lab = new double[3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (gray) {
                    l[y * w + x] = image.getRaster().getSample(x, y, 0) / 2.55f;
                } else {
                    int p = image.getRGB(x, y);
                    Lab.fromSrgb(((p >> 16) & 255) / 255.0, ((p >> 8) & 255) / 255.0, (p & 255) / 255.0, lab);
                    l[y * w + x] = (float) lab[0];
                }
            }
        }
        return GrayPlane.ofLightness(w, h, l);
    }
}
