package org.colorize.image;

import org.colorize.ColorizeCanceledException;
import org.colorize.runtime.Workers;

/**
 * Puts the predicted chroma back on the image's own lightness at full resolution, row by row
 * and in parallel on the given workers: L from the original pixels, ab from the upsampler,
 * Lab → sRGB, into a sink. Nothing of full size is allocated here besides what the sink writes to.
 */
public final class Recombiner {
    private static final int ROWS_PER_TASK = 32;

    private Recombiner() {
    }

    public static void recombine(LightnessPlane plane, AbUpsampler upsampler, ColorSink sink, Workers workers)
            throws ColorizeCanceledException {
        int width = plane.width();
        workers.forRows(plane.height(), ROWS_PER_TASK, (from, to) -> {
            float[] lightness = new float[width];
            float[] a = new float[width];
            float[] b = new float[width];
            float[] red = new float[width];
            float[] green = new float[width];
            float[] blue = new float[width];
            for (int y = from; y < to; y++) {
                plane.lightnessRow(y, lightness);
                upsampler.row(y, lightness, a, b);
                LabToRgb.convertRow(lightness, a, b, red, green, blue, width);
                sink.write(y, red, green, blue);
            }
        });
    }

    /** Gray output (ab = 0) for a plane the network cannot colorize (a uniform slice). */
    public static void gray(LightnessPlane plane, ColorSink sink, Workers workers) throws ColorizeCanceledException {
        int n = 8;
        float[] zero = new float[n * n * 2];
        recombine(plane, AbUpsampler.create(Upsampling.BILINEAR, zero, new float[n * n], n, plane.width(), plane.height()),
                sink, workers);
    }
}
