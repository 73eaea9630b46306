package org.colorize.io;

import ij.ImagePlus;
import ij.io.FileSaver;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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

    /** The extension a result should get: png for one 8-bit RGB plane or one 16-bit RGB image, tif otherwise. */
    public static String extensionFor(ImagePlus imp) {
        return (imp.getType() == ImagePlus.COLOR_RGB && imp.getStackSize() == 1) || isRgb48Plane(imp) ? "png" : "tif";
    }

    /** One 16-bit RGB image (three channels marked {@link InputImages#RGB48}): written as a 48-bit PNG. */
    private static boolean isRgb48Plane(ImagePlus imp) {
        return imp.getBitDepth() == 16 && imp.getNChannels() == 3 && imp.getStackSize() == 3
                && "true".equals(imp.getProp(InputImages.RGB48));
    }

    /**
     * Refuses an output that is the file it was read from (the same file through another name,
     * a link or the same folder), whatever the flags: colorizing must never replace its source.
     */
    public static void refuseSource(Path source, Path target) throws ColorizeException {
        if (source == null || !Files.exists(target)) return;
        boolean same;
        try {
            same = Files.isSameFile(source, target);
        } catch (IOException e) {
            same = source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize());
        }
        if (same) {
            throw new ColorizeException("Output " + target + " is the input file itself; it is left as it is (an input is"
                    + " never replaced by its colorized version, not even with overwrite). Choose another output folder.");
        }
    }

    /**
     * Makes {@code dir} (and its parents) as an output folder, or says why not: it is a file,
     * it lies in a system file system (/proc, /sys), permission is denied, the disk is full.
     */
    public static void prepareFolder(Path dir) throws ColorizeException {
        Path absolute = dir.toAbsolutePath().normalize();
        String system = systemFileSystem(absolute);
        if (system != null) {
            throw new ColorizeException("Output folder " + dir + " lies in " + system + ", a view of the running system that"
                    + " holds no files; choose a folder on a disk.");
        }
        for (Path p = absolute; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw new ColorizeException("Output folder " + dir + (p.equals(absolute) ? " is a file" : ": " + p + " is a file")
                        + ", not a folder; give -o a folder (it is created if missing).");
            }
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            throw new ColorizeException("Cannot create output folder " + dir + ": " + cause(e, absolute), e);
        }
        if (!Files.isWritable(absolute)) {
            throw new ColorizeException("Output folder " + dir + " is not writable: permission denied (choose a folder you"
                    + " may write to, or change its permissions).");
        }
    }

    /** "/proc" or "/sys" when {@code path} lies in such a pseudo file system, else null. */
    private static String systemFileSystem(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return null;
        try {
            String type = Files.getFileStore(existing).type();
            if (type.equals("proc") || type.equals("sysfs") || type.equals("cgroup") || type.equals("cgroup2")
                    || type.equals("debugfs") || type.equals("devpts")) {
                return path.getNameCount() > 0 ? "/" + path.getName(0) + " (a " + type + " file system)" : type;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    /**
     * What an I/O failure means for the user: disk full, permission denied, read-only file system,
     * or the system's own message; decoders wrap the real failure ("I/O error writing PNG file!"),
     * so the causes are searched.
     */
    public static String cause(Throwable e, Path where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                return "the disk is full (no space left in " + where + "); free some space or choose another output folder.";
            }
            if (t instanceof AccessDeniedException || m.contains("Permission denied")) {
                return "permission denied (choose a folder you may write to, or change its permissions).";
            }
            if (m.contains("Read-only file system")) return "the file system is read-only; choose another output folder.";
            if (t instanceof FileSystemException f && f.getReason() != null) {
                return f.getReason() + (t.getCause() == null ? "" : " (" + t.getCause().getMessage() + ")");
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * Deletes leftovers of an earlier, killed write of {@code target}: our hidden
     * {@code .<name>.<hex>.part} files beside it ({@link AtomicFiles}); nothing else.
     *
     * @return how many were deleted
     */
    public static int removeLeftovers(Path target) {
        Path dir = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        int removed = 0;
        try (var files = Files.newDirectoryStream(dir, p -> {
            String n = p.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(AtomicFiles.PART)
                    && n.substring(prefix.length(), n.length() - AtomicFiles.PART.length()).matches("[0-9a-f]{1,16}");
        })) {
            for (Path p : files) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(p)) removed++;
            }
        } catch (IOException e) {
            return removed;
        }
        return removed;
    }

    public static void write(ImagePlus imp, Path target, boolean overwrite) throws ColorizeException {
        Path dir = target.toAbsolutePath().getParent();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ColorizeException("Output folder " + dir + " is a file, not a folder.");
        }
        if (!Files.isDirectory(dir)) {
            throw new ColorizeException("Output folder " + dir + " does not exist.");
        }
        if (!Files.isWritable(dir)) {
            throw new ColorizeException("Output folder " + dir + " is not writable: permission denied.");
        }
        if (Files.isDirectory(target)) {
            throw new ColorizeException("Output " + target + " is a folder; it is left as it is.");
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
        } catch (IOException e) {
            throw new ColorizeException("Cannot write " + target + ": " + cause(e, dir), e);
        }
    }

    /** Above this size a TIFF is streamed by ImageJ instead of encoded in memory first (a byte[] holds at most 2 GB). */
    private static final long IN_MEMORY_TIFF = 1L << 30;

    /**
     * ImageJ's TIFF (Info, properties, calibration, hyperstack layout): encoded in memory and
     * written by us, so a failure keeps its cause ("No space left on device"); a very large one
     * streamed by ImageJ, whose failure is then explained by the free space where it can be.
     */
    private static void writeTiff(ImagePlus imp, Path file) throws IOException {
        long bytes = (long) imp.getWidth() * imp.getHeight() * imp.getStackSize() * imp.getBytesPerPixel();
        if (bytes < IN_MEMORY_TIFF) {
            byte[] tiff = new FileSaver(imp).serialize();
            if (tiff == null) throw new IOException("ImageJ could not encode the TIFF");
            Files.write(file, tiff, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            return;
        }
        FileSaver saver = new FileSaver(imp);
        boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack(file.toString()) : saver.saveAsTiff(file.toString());
        if (ok) return;
        long free = Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
        throw new IOException(free < bytes ? "No space left on device (" + (free >> 20) + " MB free, " + (bytes >> 20)
                + " MB needed)" : "ImageJ could not save the TIFF");
    }

    /** Three 16-bit channel planes as one 48-bit RGB image. */
    private static BufferedImage rgb48(ImagePlus imp) {
        int w = imp.getWidth();
        int h = imp.getHeight();
        java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(
                java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB), false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
        java.awt.image.WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
        short[] interleaved = ((java.awt.image.DataBufferUShort) raster.getDataBuffer()).getData();
        for (int c = 0; c < 3; c++) {
            short[] channel = (short[]) imp.getStack().getPixels(c + 1);
            for (int i = 0; i < channel.length; i++) interleaved[3 * i + c] = channel[i];
        }
        return new BufferedImage(cm, raster, false, null);
    }

    private static void writePng(ImagePlus imp, Path file) throws IOException {
        BufferedImage image = isRgb48Plane(imp) ? rgb48(imp) : imp.getProcessor().getBufferedImage();
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer");
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            if (out == null) throw new IOException("cannot create " + file);
            writer.setOutput(out);
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
            Object info = imp.getProperty("Info");
            if (info != null) RasterPng.addText(metadata, "Description", info.toString());
            RasterPng.addText(metadata, "Software", org.colorize.Colorize.NAME + " " + org.colorize.Colorize.VERSION);
            writer.write(null, new IIOImage(image, null, metadata), null);
        } finally {
            writer.dispose();
        }
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
