package org.colorize.io;

import ij.ImagePlus;
import ij.io.Opener;
import ij.plugin.RGBStackConverter;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.colorize.color.RgbRaster;

/**
 * The project's one image decoder: files and bytes to {@link DecodedImage}s. Java's ImageIO first
 * (JPEG, PNG, BMP, GIF, TIFF, and WebP through TwelveMonkeys' plugin where it is on the class
 * path), with whole-factor source subsampling for very large files when the caller only needs a
 * smaller image; ImageJ's opener for files ImageIO cannot read (16-bit and multi-channel TIFFs,
 * FITS, DICOM, PGM, ImageJ zips; three channels are merged to RGB). Truncated or damaged files
 * ({@link CompleteFile}) and CMYK JPEGs are refused with the reason. Sources larger than
 * {@value #MAX_PIXELS} pixels after subsampling are refused before their pixels are decoded.
 */
public final class ImageDecoder {
    /** Larger images are refused (the largest wallpapers of the corpus are 5640×3172). */
    public static final long MAX_PIXELS = 80_000_000L;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private ImageDecoder() {
    }

    /** Too large to decode; not worth a second decoder's try. */
    private static final class TooLargeException extends IOException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** Reads {@code file} at full size. */
    public static DecodedImage read(Path file) throws IOException {
        return read(file, 0);
    }

    /**
     * Reads {@code file}; with {@code keepShortSide > 0} ImageIO may skip pixels by a whole
     * factor as long as the short side stays at least {@code 2 · keepShortSide}, so that an
     * area filter after it still averages over at least 2×2 source pixels.
     *
     * @throws IOException with a one-line reason when neither ImageIO nor ImageJ can read it
     */
    public static DecodedImage read(Path file, int keepShortSide) throws IOException {
        try {
            InputImages.checkReadable(file);
        } catch (org.colorize.ColorizeException e) {
            throw new IOException(e.getMessage(), e);
        }
        String incomplete = CompleteFile.problem(file);
        if (incomplete != null) throw new IOException(incomplete);
        if (ImageHeader.jpegComponents(file) == 4) {
            throw new IOException("it is a CMYK JPEG (printing colors), which is not read: convert it to RGB first");
        }
        String imageIoProblem;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            DecodedImage d = in == null ? null : readWithImageIo(in, file.getFileName().toString(), keepShortSide);
            if (d != null) return d;
            imageIoProblem = "no ImageIO reader";
        } catch (TooLargeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            imageIoProblem = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        DecodedImage d = readWithImageJ(file);
        if (d == null) throw new IOException("cannot read as an image (" + imageIoProblem + ")");
        return d;
    }

    /** Decodes an image held in memory (ImageIO only); {@code name} appears in messages. */
    public static DecodedImage read(byte[] bytes, String name) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            DecodedImage d = readWithImageIo(in, name, 0);
            if (d == null) throw new IOException("no image reader for " + name);
            return d;
        } catch (TooLargeException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("cannot decode " + name + ": " + e, e);
        }
    }

    /** Width and height from the file header, or null where ImageIO cannot tell. */
    public static int[] dimensions(Path file) {
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

    private static DecodedImage readWithImageIo(ImageInputStream in, String name, int keepShortSide) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) return null;
        ImageReader reader = readers.next();
        try {
            boolean tiff = reader.getFormatName().toLowerCase(Locale.ROOT).startsWith("tif");
            reader.setInput(in, !tiff, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            int factor = keepShortSide > 0 ? Math.max(1, Math.min(w, h) / (2 * keepShortSide)) : 1;
            long area = (long) ceilDiv(w, factor) * ceilDiv(h, factor);
            if (area > MAX_PIXELS) throw new TooLargeException(name + " is too large (" + w + "x" + h + ")");
            ImageReadParam param = reader.getDefaultReadParam();
            if (factor > 1) param.setSourceSubsampling(factor, factor, 0, 0);
            BufferedImage image = reader.read(0, param);
            int slices = tiff ? Math.max(1, reader.getNumImages(true)) : 1;
            return decoded(image, slices);
        } finally {
            reader.dispose();
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * Gray sources are read from their samples: {@code getRGB} would pass them through Java's
     * linear gray color space and brighten them.
     */
    private static DecodedImage decoded(BufferedImage image, int slices) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean alpha = image.getColorModel().hasAlpha();
        int bits = image.getColorModel().getComponentSize(0);
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            if (bits > 8) return DecodedImage.deepGray(w, h, bits, slices);
            Raster raster = image.getRaster();
            int[] gray = raster.getSamples(0, 0, w, h, 0, (int[]) null);
            int[] opacity = alpha ? raster.getSamples(0, 0, w, h, 1, (int[]) null) : null;
            int[] argb = new int[gray.length];
            int max = (1 << bits) - 1;
            for (int i = 0; i < gray.length; i++) {
                int v = bits == 8 ? gray[i] : (gray[i] * 255 + max / 2) / max;
                argb[i] = (alpha ? opacity[i] : 0xff) << 24 | v << 16 | v << 8 | v;
            }
            return DecodedImage.gray(new RgbRaster(w, h, argb, alpha), slices);
        }
        return DecodedImage.color(rgb(image, alpha), slices);
    }

    /** An INT_ARGB/INT_RGB image's own array; any other type (palette, 16-bit, ICC) converted once. */
    private static RgbRaster rgb(BufferedImage image, boolean alpha) {
        int w = image.getWidth();
        int h = image.getHeight();
        if ((image.getType() == BufferedImage.TYPE_INT_ARGB || image.getType() == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                && db.getNumBanks() == 1 && db.getData().length == w * h && image.getRaster().getParent() == null) {
            int[] data = db.getData();
            if (!alpha) for (int i = 0; i < data.length; i++) data[i] |= 0xff000000;
            return new RgbRaster(w, h, data, alpha);
        }
        return new RgbRaster(w, h, image.getRGB(0, 0, w, h, null, 0, w), alpha);
    }

    private static DecodedImage readWithImageJ(Path file) {
        ImagePlus imp;
        try {
            Opener opener = new Opener();
            opener.setSilentMode(true); // no error dialogs inside ImageJ: callers report failures
            imp = opener.openImage(file.toString());
        } catch (RuntimeException e) {
            return null;
        }
        if (imp == null) return null;
        if (imp.getNChannels() == 3 && imp.getType() != ImagePlus.COLOR_RGB) {
            imp.setPosition(1, 1, 1);
            RGBStackConverter.convertToRGB(imp);
        }
        return ImagePlusDecoding.of(imp);
    }
}
