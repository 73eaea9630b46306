package org.colorize.train.corpus;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Decodes JPEG, PNG and WebP (TwelveMonkeys' ImageIO plugin) from memory into {@link Pixels}. */
public final class ImageDecoder {
    /** Larger sources are refused before decoding (the largest wallpapers are 5640×3172). */
    static final long MAX_PIXELS = 80_000_000L;

    static {
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private ImageDecoder() {
    }

    public static Pixels decode(byte[] bytes, String name) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new IOException("no image reader for " + name);
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long area = (long) reader.getWidth(0) * reader.getHeight(0);
                if (area > MAX_PIXELS) throw new IOException(name + " is too large (" + reader.getWidth(0) + "x" + reader.getHeight(0) + ")");
                BufferedImage image = reader.read(0);
                return Pixels.of(image);
            } catch (RuntimeException e) {
                throw new IOException("cannot decode " + name + ": " + e, e);
            } finally {
                reader.dispose();
            }
        }
    }
}
