package org.colorize.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colorize.color.GlobalHint;
import org.colorize.color.Lab;

/**
 * What a user tells the colorizer about colors (Zhang et al. 2017's two kinds of hint): local
 * points, each a place in the ORIGINAL image's pixels with an sRGB color, and optionally a global
 * reference, a color image summarized as its ab histogram and saturation ({@link GlobalHint}). The
 * text form of the points is the macro's and the provenance's: {@code x1,y1,#rrggbb;x2,y2,#rrggbb}.
 *
 * @param points    local hints (may be empty)
 * @param reference the global hint, or null
 */
public record ColorHints(List<Point> points, Reference reference) {
    /** No hints at all: the plain colorization. */
    public static final ColorHints NONE = new ColorHints(List.of(), null);
    /** The CSV header of {@link #readCsv}. */
    public static final String CSV_HEADER = "x,y,color";

    /**
     * A local hint.
     *
     * @param x   column in the original image's pixels (0 = left edge of the first pixel's center column)
     * @param y   row in the original image's pixels
     * @param rgb 0xRRGGBB
     */
    public record Point(double x, double y, int rgb) {
        public Point {
            if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("a hint's x and y must be numbers");
            rgb &= 0xffffff;
        }

        /** The CIE ab of the color (its L is not used: the image's own L stays). */
        public float[] ab() {
            double[] lab = new double[3];
            Lab.fromSrgb((rgb >> 16 & 0xff) / 255.0, (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0, lab);
            return new float[] {(float) lab[1], (float) lab[2]};
        }

        String text() {
            return number(x) + "," + number(y) + "," + String.format(Locale.ROOT, "#%06x", rgb);
        }
    }

    /**
     * A global hint.
     *
     * @param label  what the user named it (image title or file path), recorded in macros and provenance
     * @param vector {@link GlobalHint#vector()}: histogram, saturation, flag
     */
    public record Reference(String label, float[] vector) {
        public Reference {
            if (label == null || label.isBlank()) throw new IllegalArgumentException("a reference needs a title or path");
            if (vector == null || vector.length != GlobalHint.CHANNELS) {
                throw new IllegalArgumentException("a reference's vector has " + GlobalHint.CHANNELS + " entries");
            }
            vector = vector.clone();
        }

        /** The reference of packed RGB pixels (every pixel, or every {@code step}-th for a large image). */
        public static Reference ofRgb(String label, int[] rgb, int step) {
            GlobalHint h = new GlobalHint();
            double[] lab = new double[3];
            for (int i = 0; i < rgb.length; i += Math.max(1, step)) {
                int c = rgb[i];
                Lab.fromSrgb((c >> 16 & 0xff) / 255.0, (c >> 8 & 0xff) / 255.0, (c & 0xff) / 255.0, lab);
                h.add((float) lab[1], (float) lab[2]);
            }
            if (h.pixels() == 0) throw new IllegalArgumentException("the reference '" + label + "' has no pixels");
            return new Reference(label, h.vector());
        }

        /** A step that reads about a million pixels of {@code count}. */
        public static int stepFor(long count) {
            return (int) Math.max(1, count / 1_000_000);
        }
    }

    public ColorHints {
        points = List.copyOf(points);
    }

    public boolean isEmpty() {
        return points.isEmpty() && reference == null;
    }

    public ColorHints withReference(Reference r) {
        return new ColorHints(points, r);
    }

    /** The points as {@code x1,y1,#rrggbb;x2,y2,#rrggbb} (empty for none). */
    public String pointsText() {
        StringBuilder sb = new StringBuilder();
        for (Point p : points) sb.append(sb.length() == 0 ? "" : ";").append(p.text());
        return sb.toString();
    }

    /** Points from their text form ({@link #pointsText()}); blank means none. Bad entries throw naming the entry. */
    public static List<Point> parsePoints(String text) {
        List<Point> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        for (String entry : text.split(";")) {
            if (entry.isBlank()) continue;
            String[] f = entry.trim().split(",");
            if (f.length != 3) {
                throw new IllegalArgumentException("a hint must be x,y,#rrggbb, was '" + entry.trim() + "'");
            }
            out.add(point(f[0], f[1], f[2], "'" + entry.trim() + "'"));
        }
        return out;
    }

    /**
     * Points from a CSV file: a header line {@value #CSV_HEADER}, then {@code x,y,#rrggbb} a line
     * (blank lines and lines starting with # after the header are skipped).
     */
    public static List<Point> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) first++;
        if (first == lines.size()) throw new IllegalArgumentException(file + " is empty; it needs the header " + CSV_HEADER);
        String header = lines.get(first).replace("\uFEFF", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (!header.equals(CSV_HEADER)) {
            throw new IllegalArgumentException(file + ": the first line must be " + CSV_HEADER + ", was '" + lines.get(first) + "'");
        }
        List<Point> out = new ArrayList<>();
        for (int i = first + 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#") && line.indexOf(',') < 0) continue;
            String[] f = line.split(",");
            if (f.length != 3) throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected x,y,#rrggbb, was '" + line + "'");
            out.add(point(f[0], f[1], f[2], file + " line " + (i + 1)));
        }
        return out;
    }

    private static Point point(String x, String y, String color, String where) {
        double px;
        double py;
        try {
            px = Double.parseDouble(x.trim());
            py = Double.parseDouble(y.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hint " + where + ": x and y must be numbers");
        }
        return new Point(px, py, parseColor(color.trim(), where));
    }

    /** {@code #rrggbb} (or {@code rrggbb}) → 0xRRGGBB. */
    public static int parseColor(String text, String where) {
        String t = text.startsWith("#") ? text.substring(1) : text;
        if (t.length() != 6) throw new IllegalArgumentException("hint " + where + ": the color must be #rrggbb, was '" + text + "'");
        try {
            return Integer.parseInt(t, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("hint " + where + ": the color must be #rrggbb, was '" + text + "'");
        }
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
