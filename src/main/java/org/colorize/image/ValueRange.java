package org.colorize.image;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;
import org.colorize.ColorizeException;

/** Minimum and maximum stored value over all planes, and per-plane uniformity. */
record ValueRange(double min, double max, boolean[] uniformPlanes) {

    boolean uniform() {
        return !(max > min);
    }

    String describeMin() {
        return min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min);
    }

    /**
     * @param pixels an image with axes x, y[, plane], zero-min
     * @param title  for the message about non-finite values
     */
    static ValueRange of(RandomAccessibleInterval<?> pixels, GrayImage.Kind kind, int planes, String title)
            throws ColorizeException {
        int w = (int) pixels.dimension(0);
        int length = w * (int) pixels.dimension(1);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean[] uniform = new boolean[planes];
        for (int z = 0; z < planes; z++) {
            if (kind == GrayImage.Kind.RGB16) {
                // As for packed RGB, uniform means one color: a uniform plane's min and max are its
                // color as one 48-bit number, a plane of several colors spans [0, 1].
                boolean one = true;
                double color = 0;
                for (int c = 3 * z; c < 3 * z + 3; c++) {
                    PlaneArray channel = GrayImage.channelArray(pixels, c);
                    double[] mm = shorts((short[]) channel.array(), channel.offset(), channel.offset() + length);
                    one &= !(mm[1] > mm[0]);
                    color = color * 65536 + mm[0];
                }
                uniform[z] = one;
                min = Math.min(min, one ? color : 0);
                max = Math.max(max, one ? color : 1);
                continue;
            }
            PlaneArray plane = GrayImage.planeArray(pixels, kind, z);
            double[] mm;
            if (plane == null) {
                mm = overCursor(GrayImage.planeView(pixels, z), kind, w, title, planes > 1 ? z + 1 : 0);
            } else {
                int from = plane.offset();
                int to = from + length;
                mm = switch (kind) {
                    case GRAY8 -> bytes((byte[]) plane.array(), from, to);
                    case GRAY16 -> shorts((short[]) plane.array(), from, to);
                    case GRAY32 -> floats((float[]) plane.array(), from, to, w, title, planes > 1 ? z + 1 : 0);
                    case RGB -> ints((int[]) plane.array(), from, to);
                    case RGB16 -> throw new IllegalStateException("read by channel above");
                };
            }
            uniform[z] = !(mm[1] > mm[0]);
            min = Math.min(min, mm[0]);
            max = Math.max(max, mm[1]);
        }
        return new ValueRange(min, max, uniform);
    }

    private static double[] bytes(byte[] p, int from, int to) {
        int lo = 255, hi = 0;
        for (int i = from; i < to; i++) {
            int u = p[i] & 0xff;
            if (u < lo) lo = u;
            if (u > hi) hi = u;
        }
        return new double[] {lo, hi};
    }

    private static double[] shorts(short[] p, int from, int to) {
        int lo = 65535, hi = 0;
        for (int i = from; i < to; i++) {
            int u = p[i] & 0xffff;
            if (u < lo) lo = u;
            if (u > hi) hi = u;
        }
        return new double[] {lo, hi};
    }

    private static double[] ints(int[] p, int from, int to) {
        // Uniform means one color; min/max of the packed values is enough to tell.
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (int i = from; i < to; i++) {
            int rgb = p[i] & 0xffffff;
            if (rgb < lo) lo = rgb;
            if (rgb > hi) hi = rgb;
        }
        return new double[] {lo, hi};
    }

    private static double[] floats(float[] p, int from, int to, int width, String title, int slice) throws ColorizeException {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float v = p[i];
            if (!Float.isFinite(v)) throw nonFinite(title, v, (i - from) % width, (i - from) / width, slice);
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        return new double[] {lo, hi};
    }

    private static double[] overCursor(RandomAccessibleInterval<?> plane, GrayImage.Kind kind, int width, String title,
            int slice) throws ColorizeException {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        Cursor<?> c = Views.flatIterable(plane).localizingCursor();
        while (c.hasNext()) {
            Object t = c.next();
            double v = kind == GrayImage.Kind.RGB ? ((ARGBType) t).get() & 0xffffff : ((RealType<?>) t).getRealDouble();
            if (!Double.isFinite(v)) throw nonFinite(title, v, c.getIntPosition(0), c.getIntPosition(1), slice);
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        return new double[] {lo, hi};
    }

    private static ColorizeException nonFinite(String title, double v, int x, int y, int slice) {
        return new ColorizeException("Image '" + title + "' has " + (Double.isNaN(v) ? "NaN" : "infinite")
                + " values (first at x=" + x + ", y=" + y + (slice > 0 ? ", slice " + slice : "")
                + "). Replace them first (Process > Noise > Remove NaNs, or Process > Math > Set...).");
    }
}
