package org.colorize.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.process.ColorProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.colorize.ColorizeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    private static ImagePlus image() {
        ColorProcessor cp = new ColorProcessor(20, 10);
        cp.setColor(0x336699);
        cp.fill();
        ImagePlus imp = new ImagePlus("x", cp);
        imp.setProperty("Info", "AI-inferred color: test provenance");
        return imp;
    }

    @Test
    void pngKeepsPixelsAndProvenanceAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.png");
        ImageFiles.write(image(), target, false);
        ImagePlus back = IJ.openImage(target.toString());
        assertEquals(0x336699, back.getProcessor().get(5, 5) & 0xffffff);
        assertEquals("AI-inferred color: test provenance", ImageFiles.pngText(target, "Description"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the result, no .part file");
        }
        assertTrue(Files.getPosixFilePermissions(target).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                "outputs get the usual permissions, not a temp file's 0600: " + Files.getPosixFilePermissions(target));
    }

    @Test
    void tiffKeepsInfo(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.tif");
        ImageFiles.write(image(), target, false);
        ImagePlus back = IJ.openImage(target.toString());
        assertTrue(String.valueOf(back.getProperty("Info")).contains("AI-inferred color"));
    }

    @Test
    void neverReplacesAnExistingFileUnlessAsked(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out.png");
        Files.writeString(target, "precious");
        ColorizeException e = assertThrows(ColorizeException.class, () -> ImageFiles.write(image(), target, false));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("precious", Files.readString(target));
        ImageFiles.write(image(), target, true);
        assertTrue(Files.size(target) > 8 && !Files.readString(target, java.nio.charset.StandardCharsets.ISO_8859_1).equals("precious"));
    }

    @Test
    void unwritableOrMissingFolderIsAClearError(@TempDir Path dir) throws Exception {
        ColorizeException missing = assertThrows(ColorizeException.class,
                () -> ImageFiles.write(image(), dir.resolve("nope/out.png"), false));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        // /proc refuses new files even to root, unlike a chmod-ed folder.
        ColorizeException e = assertThrows(ColorizeException.class, () -> ImageFiles.write(image(), Path.of("/proc/colorize-out.png"), false));
        assertTrue(e.getMessage().contains("not writable") || e.getMessage().startsWith("Cannot write"), e.getMessage());
    }
}
