package org.colorize.nn;

import java.util.List;

/**
 * Where each instance's features go at each scale of the fusion module, as bilinear resampling
 * matrices computed on the host: for a box and a stride s, the box on the map of side n = S/s
 * ({@link #boxAt}) and an n × n matrix R whose row i, inside the box, holds the bilinear weights
 * (half-pixel centers, source index clamped at 0, as PyTorch's {@code interpolate(mode='bilinear',
 * align_corners=False)}) that resize the whole instance map (side n) into the box; rows outside
 * the box are 0. The fusion graph computes R_rows · I · R_colsᵀ per channel, which is "resize into
 * the box and zero-pad to full size" as two matrix products with exact gradients.
 */
public final class FusionGeometry {
    /** The strides of the fusion points' maps (see {@link FusionPoint#stride()}). */
    public static final List<Integer> STRIDES = List.of(1, 2, 4, 8);

    private FusionGeometry() {}

    /**
     * A box on the network input (S × S pixels, x right, y down).
     *
     * @param x1 left edge
     * @param y1 top edge
     * @param x2 right edge (exclusive)
     * @param y2 bottom edge (exclusive)
     */
    public record NetBox(double x1, double y1, double x2, double y2) {
        public NetBox {
            if (!(x2 > x1) || !(y2 > y1)) throw new IllegalArgumentException("empty box " + x1 + "," + y1 + "-" + x2 + "," + y2);
        }
    }

    /**
     * One axis of a box on a map of side {@code n}: first pixel {@code start} and {@code size}
     * pixels. InstColorization truncates start and end to integers and keeps at least one pixel.
     */
    public record Span(int start, int size) {
        public int end() {
            return start + size;
        }
    }

    /** The span of [{@code from}, {@code to}) (network pixels) on the map of {@code stride} (side {@code n}). */
    public static Span span(double from, double to, int stride, int n) {
        int start = (int) Math.floor(from / stride);
        int end = (int) Math.floor(to / stride);
        start = Math.max(0, Math.min(start, n - 1));
        end = Math.max(start + 1, Math.min(end, n));
        return new Span(start, end - start);
    }

    /** The x and y spans of {@code box} at {@code stride} on a network input of side {@code size}. */
    public static Span[] boxAt(NetBox box, int stride, int size) {
        int n = size / stride;
        return new Span[] {span(box.x1(), box.x2(), stride, n), span(box.y1(), box.y2(), stride, n)};
    }

    /** The n × n row-major matrix that resizes a map of side n into {@code span} and zero-pads it. */
    public static float[] matrix(Span span, int n) {
        float[] r = new float[n * n];
        double scale = (double) n / span.size();
        for (int t = 0; t < span.size(); t++) {
            double u = Math.max(0, (t + 0.5) * scale - 0.5);
            int i0 = Math.min((int) Math.floor(u), n - 1);
            int i1 = Math.min(i0 + 1, n - 1);
            float frac = (float) (u - i0);
            int row = (span.start() + t) * n;
            r[row + i0] += 1 - frac;
            r[row + i1] += frac;
        }
        return r;
    }

    /**
     * The fusion graph's geometry inputs for {@code boxes}: for each stride, [K, n, n] row matrices
     * (from the y spans) and column matrices (from the x spans), flattened.
     */
    public static Inputs inputs(List<NetBox> boxes, int size) {
        if (size % 8 != 0) throw new IllegalArgumentException("network size must be a multiple of 8, was " + size);
        float[][] rows = new float[STRIDES.size()][];
        float[][] cols = new float[STRIDES.size()][];
        for (int s = 0; s < STRIDES.size(); s++) {
            int stride = STRIDES.get(s);
            int n = size / stride;
            rows[s] = new float[boxes.size() * n * n];
            cols[s] = new float[boxes.size() * n * n];
            for (int k = 0; k < boxes.size(); k++) {
                Span[] xy = boxAt(boxes.get(k), stride, size);
                System.arraycopy(matrix(xy[1], n), 0, rows[s], k * n * n, n * n);
                System.arraycopy(matrix(xy[0], n), 0, cols[s], k * n * n, n * n);
            }
        }
        return new Inputs(boxes.size(), size, rows, cols);
    }

    /** Row and column matrices per stride (index as in {@link #STRIDES}), each [count, n, n] row-major. */
    public record Inputs(int count, int size, float[][] rows, float[][] cols) {
        public static String rowsName(int stride) {
            return "rows_" + stride;
        }

        public static String colsName(int stride) {
            return "cols_" + stride;
        }
    }
}
