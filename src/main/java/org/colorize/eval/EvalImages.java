package org.colorize.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.ColorizeException;
import org.colorize.color.Lab;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;

/** Reading images for evaluation and the colour conversions it needs, all per pixel in double precision. */
final class EvalImages {
    private EvalImages() {
    }

    /** Decodes an image file ({@link ImageDecoder}); {@code what} names it in messages ("Truth a.png"). */
    static DecodedImage read(Path file, String what) throws ColorizeException {
        if (!Files.isRegularFile(file)) throw new ColorizeException(what + ": no such file.");
        try {
            return ImageDecoder.read(file);
        } catch (IOException e) {
            throw new ColorizeException(what + ": " + e.getMessage() + ".", e);
        }
    }

    /**
     * The image as packed RGB pixels, without copying an opaque RGB image's own array; partly
     * transparent pixels are composited onto white, as ImageJ opens them. 8-bit gray
     * ({@code grayAllowed}) gives R = G = B.
     *
     * @param what names the image in messages
     */
    static int[] rgbPixels(DecodedImage image, String what, boolean grayAllowed) throws ColorizeException {
        if (image.slices() > 1) {
            throw new ColorizeException(what + " has " + image.slices() + " slices; evaluation compares single"
                    + " RGB images. Save the slices as separate files.");
        }
        if (!image.gray()) return image.raster().opaqueOnWhite().argb();
        if (image.bitDepth() != 8) {
            throw new ColorizeException(what + " is a " + image.bitDepth() + "-bit gray image; "
                    + (grayAllowed ? "predictions must be 8-bit RGB (or 8-bit gray)." : "it must be an RGB color image."));
        }
        if (!grayAllowed) throw new ColorizeException(what + " is an 8-bit gray image; it must be an RGB color image.");
        return image.raster().argb();
    }

    /** CIE L*, a*, b* planes of packed RGB pixels ({@link Lab#fromSrgb}); {@code l} may be null. */
    static void lab(int[] argb, float[] l, float[] a, float[] b) {
        double[] out = new double[3];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            Lab.fromSrgb(((p >> 16) & 0xff) / 255.0, ((p >> 8) & 0xff) / 255.0, (p & 0xff) / 255.0, out);
            if (l != null) l[i] = (float) out[0];
            a[i] = (float) out[1];
            b[i] = (float) out[2];
        }
    }

    /**
     * The gray baseline: every pixel the 8-bit gray of {@code (L, 0, 0)} ({@link Lab#toSrgb},
     * rounded; R = G = B by construction, so its colourfulness is exactly 0).
     */
    static int[] grayBaseline(float[] l) {
        double[] out = new double[3];
        int[] rgb = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            Lab.toSrgb(l[i], 0, 0, out);
            int v = toByte((out[0] + out[1] + out[2]) / 3);
            rgb[i] = 0xff000000 | v << 16 | v << 8 | v;
        }
        return rgb;
    }

    /** The 8-bit gray value {@code round(255 · Lab.grayOfLightness(L))}, clamped to 0..255. */
    static int grayOfLightness(double l) {
        return toByte(Lab.grayOfLightness(l));
    }

    private static int toByte(double v) {
        long g = Math.round(255 * v);
        return (int) Math.max(0, Math.min(255, g));
    }
}
