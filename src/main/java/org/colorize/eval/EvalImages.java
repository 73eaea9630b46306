package org.colorize.eval;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ImageProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.color.Lab;
import org.colorize.ColorizeException;

/** Reading images for evaluation and the colour conversions it needs, all per pixel in double precision. */
final class EvalImages {
    private EvalImages() {
    }

    /** Opens an image file with ImageJ; {@code what} names it in messages ("Truth a.png"). */
    static ImagePlus open(Path file, String what) throws ColorizeException {
        if (!Files.isRegularFile(file)) throw new ColorizeException(what + ": no such file.");
        ImagePlus imp;
        try {
            imp = IJ.openImage(file.toString());
        } catch (RuntimeException e) {
            imp = null;
        }
        if (imp == null) throw new ColorizeException(what + " is not an image ImageJ can read.");
        return imp;
    }

    /**
     * The image as packed RGB pixels, without copying an RGB image's own array. 8-bit indexed
     * color goes through its color table; 8-bit gray ({@code grayAllowed}) gives R = G = B = the
     * stored value (inverted under an inverting LUT), independent of the display range.
     *
     * @param what names the image in messages
     */
    static int[] rgbPixels(ImagePlus imp, String what, boolean grayAllowed) throws ColorizeException {
        if (imp.getStackSize() > 1) {
            throw new ColorizeException(what + " has " + imp.getStackSize() + " slices; evaluation compares single"
                    + " RGB images. Save the slices as separate files.");
        }
        ImageProcessor ip = imp.getProcessor();
        switch (imp.getType()) {
            case ImagePlus.COLOR_RGB:
                return (int[]) ip.getPixels();
            case ImagePlus.COLOR_256:
                return (int[]) ip.convertToRGB().getPixels();
            case ImagePlus.GRAY8: {
                if (!grayAllowed) {
                    throw new ColorizeException(what + " is an 8-bit gray image; it must be an RGB color image.");
                }
                byte[] px = (byte[]) ip.getPixels();
                boolean inverted = imp.isInvertedLut();
                int[] rgb = new int[px.length];
                for (int i = 0; i < px.length; i++) {
                    int v = px[i] & 0xff;
                    if (inverted) v = 255 - v;
                    rgb[i] = 0xff000000 | v << 16 | v << 8 | v;
                }
                return rgb;
            }
            default:
                throw new ColorizeException(what + " is a " + imp.getBitDepth() + "-bit gray image; "
                        + (grayAllowed ? "predictions must be 8-bit RGB (or 8-bit gray)." : "it must be an RGB color image."));
        }
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
