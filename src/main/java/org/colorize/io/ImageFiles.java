package org.colorize.io;

import ij.ImagePlus;
import ij.io.FileSaver;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.colorize.ColorizeException;
import org.colorize.files.AtomicFiles;

/**
 * Writes result images so that nothing is ever half-written or silently replaced, through
 * {@link AtomicFiles}: the image goes to a hidden temporary file beside the target, which is then
 * put in place in one step. PNG for a single 8-bit RGB image (Info in a text chunk), TIFF for everything else
 * (ImageJ keeps Info, properties, calibration and hyperstack layout there).
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /** The extension a result should get: png for one 8-bit RGB plane, tif otherwise. */
    public static String extensionFor(ImagePlus imp) {
        return imp.getType() == ImagePlus.COLOR_RGB && imp.getStackSize() == 1 ? "png" : "tif";
    }

    public static void write(ImagePlus imp, Path target, boolean overwrite) throws ColorizeException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new ColorizeException("Output folder " + dir + " does not exist.");
        }
        if (!Files.isWritable(dir)) {
            throw new ColorizeException("Output folder " + dir + " is not writable.");
        }
        if (!overwrite && Files.exists(target)) {
            throw new ColorizeException("Output " + target + " already exists; it is left as it is"
                    + " (choose another output folder, or allow overwriting).");
        }
        String name = target.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        AtomicFiles.Writer writer = switch (ext) {
            case "png" -> temp -> writePng(imp, temp);
            case "tif", "tiff" -> temp -> writeTiff(imp, temp);
            default -> throw new ColorizeException("Cannot write '" + ext + "' files; use .png or .tif.");
        };
        try {
            AtomicFiles.write(target, overwrite, writer);
        } catch (FileAlreadyExistsException e) {
            throw new ColorizeException("Output " + target + " appeared while writing; it is left as it is.", e);
        } catch (AccessDeniedException e) {
            throw new ColorizeException("Cannot write " + target + ": permission denied.", e);
        } catch (IOException e) {
            throw new ColorizeException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeTiff(ImagePlus imp, Path file) throws IOException {
        FileSaver saver = new FileSaver(imp);
        boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString());
        if (!ok) throw new IOException("ImageJ could not save the TIFF");
    }

    private static void writePng(ImagePlus imp, Path file) throws IOException {
        BufferedImage image = imp.getProcessor().getBufferedImage();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer");
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            if (out == null) throw new IOException("cannot create " + file);
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            Object info = imp.getProperty("Info");
            if (info != null) addText(metadata, "Description", info.toString());
            addText(metadata, "Software", org.colorize.Colorize.NAME + " " + org.colorize.Colorize.VERSION);
            writer.write(null, new IIOImage(image, null, metadata), null);
        } finally {
            writer.dispose();
        }
    }

    private static void addText(IIOMetadata metadata, String key, String value) throws IOException {
        IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
        entry.setAttribute("keyword", key);
        entry.setAttribute("value", value);
        IIOMetadataNode text = new IIOMetadataNode("tEXt");
        text.appendChild(entry);
        IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
        root.appendChild(text);
        metadata.mergeTree("javax_imageio_png_1.0", root);
    }

    /** The text stored under a keyword in a PNG, or null (for tests and tools that check provenance). */
    public static String pngText(Path file, String key) throws IOException {
        try (var in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            var reader = readers.next();
            reader.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            var entries = root.getElementsByTagName("tEXtEntry");
            for (int i = 0; i < entries.getLength(); i++) {
                var e = (IIOMetadataNode) entries.item(i);
                if (key.equals(e.getAttribute("keyword"))) return e.getAttribute("value");
            }
            return null;
        }
    }
}
