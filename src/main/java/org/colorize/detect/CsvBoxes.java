package org.colorize.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colorize.ColorizeException;

/**
 * Boxes from a CSV file, for the command line: one box per line, {@code x1,y1,x2,y2} in image
 * pixels, optionally followed by a label and a score; a first line that does not start with a
 * number is a header; blank lines and lines starting with {@code #} are skipped. The file is read
 * once, when the source is made; boxes are clipped to each image they are asked for.
 */
public final class CsvBoxes implements FixedBoxes {
    private final List<Box> boxes;
    private final String origin;

    private CsvBoxes(List<Box> boxes, String origin) {
        this.boxes = List.copyOf(boxes);
        this.origin = origin;
    }

    /** Reads {@code file}; a line that is not a box is an error naming the line. */
    public static CsvBoxes read(Path file) throws ColorizeException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ColorizeException("Cannot read the box file " + file + ": " + e.getMessage(), e);
        }
        return parse(lines, file.toString());
    }

    /** Parses the lines of a box file; {@code origin} names it in messages. */
    public static CsvBoxes parse(List<String> lines, String origin) throws ColorizeException {
        List<Box> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\s*[,;\\t]\\s*");
            if (out.isEmpty() && i == firstContentLine(lines) && !startsWithNumber(f[0])) continue; // header
            if (f.length < 4) throw bad(origin, i, line, "needs x1,y1,x2,y2");
            try {
                double x1 = Double.parseDouble(f[0]);
                double y1 = Double.parseDouble(f[1]);
                double x2 = Double.parseDouble(f[2]);
                double y2 = Double.parseDouble(f[3]);
                String label = f.length > 4 ? f[4] : "";
                float score = f.length > 5 ? Float.parseFloat(f[5]) : 1f;
                if (!(x2 > x1) || !(y2 > y1)) throw bad(origin, i, line, "x2 must exceed x1 and y2 must exceed y1");
                out.add(new Box(x1, y1, x2, y2, score, Box.NO_CLASS, label));
            } catch (NumberFormatException e) {
                throw bad(origin, i, line, "has a value that is not a number (" + e.getMessage() + ")");
            }
        }
        return new CsvBoxes(out, origin);
    }

    private static int firstContentLine(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (!s.isEmpty() && !s.startsWith("#")) return i;
        }
        return -1;
    }

    private static boolean startsWithNumber(String s) {
        return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '.');
    }

    private static ColorizeException bad(String origin, int line, String text, String why) {
        return new ColorizeException(String.format(Locale.ROOT, "Box file %s, line %d ('%s'): %s.", origin, line + 1, text, why));
    }

    @Override
    public List<Box> all() {
        return boxes;
    }

    @Override
    public String toString() {
        return "boxes from " + origin;
    }
}
