package org.colorize.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.colorize.ColorizeException;

/**
 * The images of a folder, keyed by base name (file name without its last extension), the way the
 * command line names its outputs ({@code OUTDIR/<base>.png}). Same extensions as the colorize
 * command line; hidden files are skipped.
 */
public final class ImageFolder {
    /** Extensions taken from a folder, as a regex alternation (lower case). */
    public static final String EXTENSIONS = "tif|tiff|png|jpg|jpeg|gif|bmp|pgm|fits|dcm|zip";

    private ImageFolder() {
    }

    public static boolean looksLikeImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && name.matches(".*\\.(" + EXTENSIONS + ")$");
    }

    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * The folder's images by base name, sorted by file name.
     *
     * @param role "truth", "pred", … for the messages
     * @throws ColorizeException if the folder cannot be listed, holds no image, or two images
     *                           share a base name
     */
    public static Map<String, Path> list(Path dir, String role) throws ColorizeException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(ImageFolder::looksLikeImage).sorted().toList();
        } catch (IOException e) {
            throw new ColorizeException("Cannot list " + role + " folder " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ColorizeException("No images in " + role + " folder " + dir + " (looked for ."
                    + EXTENSIONS.replace("|", ", .") + ").");
        }
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path f : files) {
            Path other = byName.put(baseName(f), f);
            if (other != null) {
                throw new ColorizeException("The " + role + " folder holds both " + other.getFileName() + " and "
                        + f.getFileName() + "; images are matched by name without extension, so keep only one of them.");
            }
        }
        return byName;
    }

    /** Up to {@code max} file names, then "… (N more)". */
    public static String names(List<Path> files, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < files.size() && i < max; i++) {
            if (i > 0) sb.append(", ");
            sb.append(files.get(i).getFileName());
        }
        if (files.size() > max) sb.append(", … (").append(files.size() - max).append(" more)");
        return sb.toString();
    }
}
