package org.colorize.pipeline;

import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.color.GlobalHint;
import org.colorize.color.AbNormalization;

/**
 * {@link ColorHints} as the network's hint inputs ({@code hint_ab}, {@code hint_mask},
 * {@code global_hint}). The network sees the whole image resampled to size × size (each axis
 * stretched on its own), so a point at pixel (x, y) of a W × H image lands on network pixel
 * (⌊(x + ½)·size/W⌋, ⌊(y + ½)·size/H⌋), the network pixel whose area holds that pixel's center.
 * Each point becomes a square of {@value #PATCH} network pixels around it (training revealed
 * patches of 1…5 px at 128²) holding the color's ab / 110, mask 1; where squares overlap, the
 * later point wins.
 */
public final class HintMaps {
    /** Side of a point's square at the network size. */
    public static final int PATCH = 3;

    private HintMaps() {
    }

    /** The network pixel of original pixel ({@code x}, {@code y}) of a {@code width} × {@code height} image. */
    public static int[] toNetwork(double x, double y, int width, int height, int size) {
        int nx = (int) Math.floor((x + 0.5) * size / width);
        int ny = (int) Math.floor((y + 0.5) * size / height);
        return new int[] {Math.max(0, Math.min(size - 1, nx)), Math.max(0, Math.min(size - 1, ny))};
    }

    /** Refuses points outside the image, naming the first. */
    public static void check(List<ColorHints.Point> points, int width, int height) throws ColorizeException {
        for (ColorHints.Point p : points) {
            if (!(p.x() >= -0.5 && p.x() < width - 0.5 && p.y() >= -0.5 && p.y() < height - 0.5)) {
                throw new ColorizeException("The hint at (" + p.x() + ", " + p.y() + ") lies outside the image (" + width
                        + "×" + height + " pixels; x from 0 to " + (width - 1) + ", y from 0 to " + (height - 1) + ").");
            }
        }
    }

    /** [size, size, 2] ab / 110 of the points' squares, 0 elsewhere. */
    public static float[] ab(List<ColorHints.Point> points, int width, int height, int size) {
        float[] out = new float[size * size * 2];
        for (ColorHints.Point p : points) {
            float[] ab = p.ab();
            float a = (float) (ab[0] / AbNormalization.SCALE);
            float b = (float) (ab[1] / AbNormalization.SCALE);
            forSquare(p, width, height, size, i -> {
                out[2 * i] = a;
                out[2 * i + 1] = b;
            });
        }
        return out;
    }

    /** [size, size, 1] 1 in the points' squares, 0 elsewhere. */
    public static float[] mask(List<ColorHints.Point> points, int width, int height, int size) {
        float[] out = new float[size * size];
        for (ColorHints.Point p : points) forSquare(p, width, height, size, i -> out[i] = 1);
        return out;
    }

    /** [1, 1, 315] the reference's vector, or "no global hint". */
    public static float[] global(ColorHints hints) {
        return hints.reference() == null ? GlobalHint.none() : hints.reference().vector();
    }

    private static void forSquare(ColorHints.Point p, int width, int height, int size, java.util.function.IntConsumer at) {
        int[] c = toNetwork(p.x(), p.y(), width, height, size);
        int side = Math.min(PATCH, size);
        int x0 = Math.max(0, Math.min(size - side, c[0] - side / 2));
        int y0 = Math.max(0, Math.min(size - side, c[1] - side / 2));
        for (int y = y0; y < y0 + side; y++) {
            for (int x = x0; x < x0 + side; x++) at.accept(y * size + x);
        }
    }
}
