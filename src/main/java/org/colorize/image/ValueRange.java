package org.colorize.image;

import ij.ImagePlus;
import ij.ImageStack;
import org.colorize.ColorizeException;

/** Minimum and maximum stored value over all planes, and per-plane uniformity. */
record ValueRange(double min, double max, boolean[] uniformPlanes) {

    boolean uniform() {
        return !(max > min);
    }

    String describeMin() {
        return min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min);
    }

    static ValueRange of(ImagePlus imp, GrayImage.Kind kind) throws ColorizeException {
        ImageStack stack = imp.getStack();
        int n = stack.getSize();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean[] uniform = new boolean[n];
        for (int i = 1; i <= n; i++) {
            Object pixels = stack.getPixels(i);
            double[] mm = switch (kind) {
                case GRAY8 -> bytes((byte[]) pixels);
                case GRAY16 -> shorts((short[]) pixels);
                case GRAY32 -> floats((float[]) pixels, imp, i);
                case RGB -> ints((int[]) pixels);
            };
            uniform[i - 1] = !(mm[1] > mm[0]);
            min = Math.min(min, mm[0]);
            max = Math.max(max, mm[1]);
        }
        return new ValueRange(min, max, uniform);
    }

    private static double[] bytes(byte[] p) {
        int lo = 255, hi = 0;
        for (byte v : p) {
            int u = v & 0xff;
            if (u < lo) lo = u;
            if (u > hi) hi = u;
        }
        return new double[] {lo, hi};
    }

    private static double[] shorts(short[] p) {
        int lo = 65535, hi = 0;
        for (short v : p) {
            int u = v & 0xffff;
            if (u < lo) lo = u;
            if (u > hi) hi = u;
        }
        return new double[] {lo, hi};
    }

    private static double[] ints(int[] p) {
        // Uniform means one color; min/max of the packed values is enough to tell.
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (int v : p) {
            int rgb = v & 0xffffff;
            if (rgb < lo) lo = rgb;
            if (rgb > hi) hi = rgb;
        }
        return new double[] {lo, hi};
    }

    private static double[] floats(float[] p, ImagePlus imp, int plane) throws ColorizeException {
        float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            float v = p[i];
            if (!Float.isFinite(v)) {
                int w = imp.getWidth();
                throw new ColorizeException("Image '" + imp.getTitle() + "' has " + (Float.isNaN(v) ? "NaN" : "infinite")
                        + " values (first at x=" + (i % w) + ", y=" + (i / w) + (imp.getStackSize() > 1 ? ", slice " + plane : "")
                        + "). Replace them first (Process > Noise > Remove NaNs, or Process > Math > Set...).");
            }
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        return new double[] {lo, hi};
    }
}
