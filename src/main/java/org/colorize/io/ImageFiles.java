package org.colorize.io;

import ij.ImagePlus;
import ij.io.FileSaver;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

/**
 * Writes result images so that nothing is ever half-written or silently replaced: the image goes
 * to a hidden temporary file beside the target, which is then renamed onto the target in one
 * atomic step. PNG for a single 8-bit RGB image (Info in a text chunk), TIFF for everything else
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
        Path temp = null;
        try {
            temp = temporarySibling(dir, name);
            switch (ext) {
                case "png" -> writePng(imp, temp);
                case "tif", "tiff" -> writeTiff(imp, temp);
                default -> throw new ColorizeException("Cannot write '" + ext + "' files; use .png or .tif.");
            }
            if (overwrite) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A hard link fails if the target appeared meanwhile, so nothing is replaced even in a race.
                try {
                    Files.createLink(target, temp);
                    Files.delete(temp);
                } catch (UnsupportedOperationException | IOException linkFailed) {
                    if (linkFailed instanceof FileAlreadyExistsException) throw linkFailed;
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            temp = null;
        } catch (FileAlreadyExistsException e) {
            throw new ColorizeException("Output " + target + " appeared while writing; it is left as it is.", e);
        } catch (AccessDeniedException e) {
            throw new ColorizeException("Cannot write " + target + ": permission denied.", e);
        } catch (IOException e) {
            throw new ColorizeException("Cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Best effort: the hidden .part file is all that could remain.
                }
            }
        }
    }

    /**
     * A fresh hidden name beside the target. Not Files.createTempFile: that makes the file private
     * (0600), and the rename would hand the user an output nobody else can read; a file created by
     * the writers themselves gets the usual permissions (umask).
     */
    private static Path temporarySibling(Path dir, String name) throws IOException {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            Path candidate = dir.resolve("." + name + "." + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + ".part");
            if (!Files.exists(candidate)) return candidate;
        }
        throw new IOException("cannot find a free temporary name in " + dir);
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
