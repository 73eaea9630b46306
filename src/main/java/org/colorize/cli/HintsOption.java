package org.colorize.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;
import org.colorize.io.ImageFiles;
import org.colorize.pipeline.ColorHints;

/**
 * {@code --hints FILE.csv} (header {@value ColorHints#CSV_HEADER}, then {@code x,y,#rrggbb} a line,
 * positions in the input image's pixels) and {@code --reference IMAGE} (a color image whose palette
 * becomes the global hint) as {@link ColorHints}.
 */
final class HintsOption {
    /** Short side the reference is read at: its palette, not its detail, is what counts. */
    private static final int REFERENCE_SIDE = 256;

    private HintsOption() {
    }

    static ColorHints read(String hintsCsv, String reference) throws ColorizeException {
        List<ColorHints.Point> points = List.of();
        if (hintsCsv != null) {
            Path csv = Path.of(hintsCsv);
            if (!Files.isRegularFile(csv)) throw new ColorizeException("Hints file " + csv + " does not exist.");
            try {
                points = ColorHints.readCsv(csv);
            } catch (IOException e) {
                throw new ColorizeException("Cannot read the hints file " + csv + ": " + ImageFiles.cause(e, csv), e);
            } catch (IllegalArgumentException e) {
                throw new ColorizeException("Hints file " + e.getMessage(), e);
            }
        }
        ColorHints hints = new ColorHints(points, null);
        if (reference != null) hints = hints.withReference(reference(Path.of(reference)));
        return hints;
    }

    static ColorHints.Reference reference(Path file) throws ColorizeException {
        if (!Files.isRegularFile(file)) throw new ColorizeException("Reference image " + file + " does not exist.");
        DecodedImage d;
        try {
            d = ImageDecoder.read(file, REFERENCE_SIDE);
        } catch (IOException e) {
            throw new ColorizeException("Cannot read the reference image " + file + ": " + e.getMessage(), e);
        }
        if (d.gray()) {
            throw new ColorizeException("The reference image " + file + " is gray: it has no colors to give (use a color image).");
        }
        int[] argb = d.raster().opaqueOnWhite().argb();
        return ColorHints.Reference.ofRgb(file.toString(), argb, ColorHints.Reference.stepFor(argb.length));
    }
}
