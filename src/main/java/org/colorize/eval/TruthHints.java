package org.colorize.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.colorize.pipeline.ColorHints;
import org.colorize.pipeline.HintMaps;

/**
 * Hints a simulated user takes from the truth, for measuring what hints are worth (the curve of
 * Zhang et al. 2017, Fig. 4): {@code points} positions uniform over the image (a fixed seed per
 * image, so the first k of a larger count are the same k points), each with the truth's mean
 * color over the square that the point covers at the network size ({@link HintMaps#PATCH} network
 * pixels, scaled to the image); and optionally the truth's own palette as the global hint.
 *
 * @param points local hints per image
 * @param global whether the truth itself is the global reference
 */
public record TruthHints(int points, boolean global) {
    /** No hints: the plain colorization. */
    public static final TruthHints NONE = new TruthHints(0, false);

    public TruthHints {
        if (points < 0 || points > 10_000) throw new IllegalArgumentException("hint count must be in 0..10000, was " + points);
    }

    /** {@code 0,1,5,20} (counts) and {@code global} (the truth's histogram, no points) as a list. */
    public static List<TruthHints> parseList(String text) {
        List<TruthHints> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String t = part.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) continue;
            if (t.equals("global")) {
                out.add(new TruthHints(0, true));
                continue;
            }
            try {
                out.add(new TruthHints(Integer.parseInt(t), false));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("hint trials are counts or 'global' separated by commas (0,1,5,20,global),"
                        + " was '" + part.trim() + "'");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no hint trials given (e.g. 0,1,5,20,global)");
        return out;
    }

    /** The suffix of a model method's label ("" for none). */
    public String label() {
        if (points == 0 && !global) return "";
        return "+" + (points > 0 ? points + "pt" : "") + (global ? (points > 0 ? "+" : "") + "global" : "");
    }

    /** The hints for one truth image ({@code argb}, {@code width × height}) and a network of side {@code size}. */
    public ColorHints sample(String image, int[] argb, int width, int height, int size) {
        List<ColorHints.Point> pts = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(image.hashCode() * 0x9E3779B97F4A7C15L + 17);
        // half-sides of the square one network hint covers, in image pixels (3 network px -> 3·W/size)
        int hx = Math.min(width / 4, Math.max(0, (int) Math.round(HintMaps.PATCH / 2.0 * width / size) - 1));
        int hy = Math.min(height / 4, Math.max(0, (int) Math.round(HintMaps.PATCH / 2.0 * height / size) - 1));
        for (int k = 0; k < points; k++) {
            int x = hx + r.nextInt(Math.max(1, width - 2 * hx));
            int y = hy + r.nextInt(Math.max(1, height - 2 * hy));
            pts.add(new ColorHints.Point(x, y, meanRgb(argb, width, height, x, y, hx, hy)));
        }
        ColorHints.Reference ref = global
                ? ColorHints.Reference.ofRgb("truth (" + image + ")", argb, ColorHints.Reference.stepFor(argb.length)) : null;
        return new ColorHints(pts, ref);
    }

    /** The mean sRGB of the square of half-sides {@code hx}, {@code hy} around (x, y), clipped to the image. */
    static int meanRgb(int[] argb, int width, int height, int x, int y, int hx, int hy) {
        long r = 0;
        long g = 0;
        long b = 0;
        long n = 0;
        for (int yy = Math.max(0, y - hy); yy <= Math.min(height - 1, y + hy); yy++) {
            for (int xx = Math.max(0, x - hx); xx <= Math.min(width - 1, x + hx); xx++) {
                int c = argb[yy * width + xx];
                r += c >> 16 & 0xff;
                g += c >> 8 & 0xff;
                b += c & 0xff;
                n++;
            }
        }
        return (int) Math.round((double) r / n) << 16 | (int) Math.round((double) g / n) << 8 | (int) Math.round((double) b / n);
    }

    /**
     * Writes the hints the evaluation takes from a truth image as a hints CSV (for the command
     * line's {@code --hints}): {@code TruthHints TRUTH.png COUNT NETWORK_SIZE OUT.csv}. The image
     * is named by its file name without extension, as in the evaluation.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TruthHints TRUTH.png COUNT NETWORK_SIZE OUT.csv");
            System.exit(2);
        }
        java.nio.file.Path truth = java.nio.file.Path.of(args[0]);
        org.colorize.io.DecodedImage d = org.colorize.io.ImageDecoder.read(truth);
        String name = org.colorize.io.ImageFolder.baseName(truth);
        ColorHints h = new TruthHints(Integer.parseInt(args[1]), false).sample(name, d.raster().opaqueOnWhite().argb(),
                d.width(), d.height(), Integer.parseInt(args[2]));
        StringBuilder sb = new StringBuilder(ColorHints.CSV_HEADER).append('\n');
        for (String p : h.pointsText().split(";")) if (!p.isEmpty()) sb.append(p).append('\n');
        java.nio.file.Files.writeString(java.nio.file.Path.of(args[3]), sb.toString());
    }
}
