package org.colorize.train;

import ij.io.Opener;
import ij.ImagePlus;
import ij.plugin.RGBStackConverter;
import ij.process.ColorProcessor;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads a color training image, downscaled on the way in: Java's ImageIO (JPEG, PNG, BMP, TIFF,
 * with source subsampling for very large files), ImageJ's opener for what ImageIO cannot read
 * (e.g. 16-bit or multi-channel TIFFs; three channels are merged to RGB).
 */
final class ImageDecoder {
    /** File name extensions the training data may have. */
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff", "bmp");

    private ImageDecoder() {
    }

    /** A decoded image, or the finding that it is gray (then {@code image} may be null). */
    record Decoded(RgbImage image, boolean gray) {
    }

    static boolean hasImageExtension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Width and height from the file header, or null where ImageIO cannot tell. */
    static int[] dimensions(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) return null;
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Reads {@code file} and shrinks it so its short side is at most {@code maxShortSide}.
     *
     * @throws IOException with a one-line reason when neither ImageIO nor ImageJ can read it
     */
    static Decoded read(Path file, int maxShortSide) throws IOException {
        if (!Files.isReadable(file)) throw new IOException("not readable");
        String imageIoProblem;
        try {
            Decoded d = readWithImageIo(file, maxShortSide);
            if (d != null) return d;
            imageIoProblem = "no ImageIO reader";
        } catch (IOException | RuntimeException e) {
            imageIoProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        // ImageJ adds TIFF variants ImageIO lacks; for the other formats it would only repeat the failure
        Decoded d = name.endsWith(".tif") || name.endsWith(".tiff") ? readWithImageJ(file, maxShortSide) : null;
        if (d == null) throw new IOException("cannot read as an image (" + imageIoProblem + ")");
        return d;
    }

    private static Decoded readWithImageIo(Path file, int maxShortSide) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) return null;
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                // Subsample only by whole factors that keep at least twice the wanted size; the
                // area filter below then averages over >= 2×2 source pixels.
                int factor = Math.max(1, Math.min(w, h) / (2 * maxShortSide));
                if (factor > 1) param.setSourceSubsampling(factor, factor, 0, 0);
                BufferedImage bi = reader.read(0, param);
                if (bi.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
                    return new Decoded(null, true);
                }
                int bw = bi.getWidth();
                int bh = bi.getHeight();
                int[] argb = bi.getRGB(0, 0, bw, bh, null, 0, bw);
                return decoded(RgbImage.fromPacked(bw, bh, argb, bi.getColorModel().hasAlpha()), maxShortSide);
            } finally {
                reader.dispose();
            }
        }
    }

    private static Decoded readWithImageJ(Path file, int maxShortSide) {
        ImagePlus imp;
        try {
            Opener opener = new Opener();
            opener.setSilentMode(true); // no error dialogs inside ImageJ: failures are reported as a list
            imp = opener.openImage(file.toString());
        } catch (RuntimeException e) {
            return null;
        }
        if (imp == null) return null;
        if (imp.getNChannels() == 3 && imp.getType() != ImagePlus.COLOR_RGB) {
            imp.setPosition(1, 1, 1);
            RGBStackConverter.convertToRGB(imp);
        }
        if (imp.getType() == ImagePlus.COLOR_256) {
            imp.setProcessor(imp.getProcessor().convertToRGB());
        }
        if (imp.getType() != ImagePlus.COLOR_RGB) {
            return imp.getNChannels() == 1 ? new Decoded(null, true) : null;
        }
        ColorProcessor cp = (ColorProcessor) imp.getProcessor();
        return decoded(RgbImage.fromPacked(cp.getWidth(), cp.getHeight(), (int[]) cp.getPixels(), false), maxShortSide);
    }

    private static Decoded decoded(RgbImage full, int maxShortSide) {
        RgbImage small = AreaResize.shrinkTo(full, maxShortSide);
        return new Decoded(small, small.isGray());
    }
}
