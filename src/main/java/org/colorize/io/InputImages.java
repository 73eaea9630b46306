package org.colorize.io;

import ij.ImagePlus;
import ij.io.Opener;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.colorize.ColorizeException;

/**
 * Opens an image file to be colorized, refusing what would give a silently wrong result and
 * naming the cause of what cannot be read: a missing file, a folder, no permission, an I/O
 * error, a truncated or damaged file ({@link CompleteFile}), a CMYK JPEG. A 48-bit RGB file
 * (16 bits per channel) is marked {@link #RGB48}, so the ImageJ adapter reads its three
 * channels as one RGB image of 16-bit depth.
 */
public final class InputImages {
    /** Property set on an image opened from a 16-bit-per-channel RGB file. */
    public static final String RGB48 = "Colorize-RGB48";

    private InputImages() {
    }

    public static ImagePlus open(Path file) throws ColorizeException {
        checkReadable(file);
        String problem;
        try {
            problem = CompleteFile.problem(file);
        } catch (IOException e) {
            throw new ColorizeException(readProblem(e));
        }
        if (problem != null) {
            throw new ColorizeException(problem + ". It is not colorized (the missing part would come out gray or as"
                    + " garbage); copy or scan the file again.");
        }
        if (ImageHeader.jpegComponents(file) == 4) {
            throw new ColorizeException("it is a CMYK JPEG (printing colors), which is not read: convert it to"
                    + " grayscale or RGB first (e.g. ImageMagick: convert in.jpg -colorspace Gray out.png).");
        }
        ImagePlus imp;
        try {
            Opener opener = new Opener();
            opener.setSilentMode(true);
            imp = opener.openImage(file.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            imp = null;
        }
        if (imp == null) throw new ColorizeException("not an image ImageJ can read (" + Opener.getFileFormat(file.toString()) + " file)");
        if (imp.getBitDepth() == 16 && imp.getNChannels() == 3 && ImageHeader.isRgb16Png(file)) imp.setProp(RGB48, "true");
        return imp;
    }

    /** Names why {@code file} cannot be read, or returns. */
    public static void checkReadable(Path file) throws ColorizeException {
        if (Files.isDirectory(file)) throw new ColorizeException("it is a folder, not an image file");
        if (!Files.exists(file)) throw new ColorizeException("no such file");
        if (!Files.isRegularFile(file)) throw new ColorizeException("not a regular file (a device, pipe or socket)");
        try (var in = Files.newInputStream(file)) {
            in.read();
        } catch (IOException e) {
            throw new ColorizeException(readProblem(e));
        }
    }

    private static String readProblem(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied: you may not read this file (check its owner and permissions, ls -l)";
        if (e instanceof NoSuchFileException) return "no such file";
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "cannot read it: " + m + (m.contains("Input/output error") ? " (the disk or network share failed; copy the file elsewhere and retry)" : "");
    }
}
