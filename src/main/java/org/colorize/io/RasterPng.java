package org.colorize.io;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.colorize.color.RgbRaster;
import org.colorize.files.AtomicFiles;

/**
 * PNG files of core rasters, put in place through {@link AtomicFiles} (never half-written;
 * without {@code overwrite} never replacing a file): RGB or RGBA from an {@link RgbRaster}, and
 * one-band 8-bit gray, optionally with {@code tEXt} entries (keyword → text).
 */
public final class RasterPng {
    private RasterPng() {
    }

    public static void writeRgb(RgbRaster raster, Path target, boolean overwrite) throws IOException {
        BufferedImage image = new BufferedImage(raster.width(), raster.height(),
                raster.alpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(raster.argb(), 0, dst, 0, dst.length);
        write(image, Map.of(), target, overwrite);
    }

    public static void writeGray(byte[] gray, int width, int height, Map<String, String> text, Path target,
            boolean overwrite) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] dst = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(gray, 0, dst, 0, dst.length);
        write(image, text, target, overwrite);
    }

    private static void write(BufferedImage image, Map<String, String> text, Path target, boolean overwrite)
            throws IOException {
        AtomicFiles.write(target, overwrite, temp -> {
            Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
            if (!writers.hasNext()) throw new IOException("no PNG writer");
            ImageWriter writer = writers.next();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
                if (out == null) throw new IOException("cannot create " + temp);
                writer.setOutput(out);
                IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
                for (Map.Entry<String, String> e : text.entrySet()) addText(metadata, e.getKey(), e.getValue());
                writer.write(null, new IIOImage(image, null, metadata), null);
            } finally {
                writer.dispose();
            }
        });
    }

    /** Adds a PNG tEXt entry to ImageIO metadata; the one place both PNG writers put text. */
    static void addText(IIOMetadata metadata, String key, String value) throws IOException {
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", key);
        entry.setAttribute("value", value);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        text.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
    }
}
