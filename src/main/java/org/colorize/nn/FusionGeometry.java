package org.colorize.nn;

import java.util.List;

/**
 * Where each instance's features go at each scale of the fusion module, as bilinear resampling
 * matrices computed on the host: for a box and a stride s, the box on the map of side n = S/s
 * ({@link #boxAt}) and an n × m matrix R (m = crop side / s) whose row i, inside the box, holds the
 * bilinear weights (half-pixel centers, source index clamped at 0, as PyTorch's
 * {@code interpolate(mode='bilinear', align_corners=False)}) that resize the whole instance map
 * (side m) into the box; rows outside the box are 0. The fusion graph computes R_rows · I · R_colsᵀ per channel, which is "resize into
 * the box and zero-pad to full size" as two matrix products with exact gradients.
 */
public final class FusionGeometry {
    /** The strides of the fusion points' maps (see {@link FusionPoint#stride()}). */
    public static final List<Integer> STRIDES = List.of(1, 2, 4, 8);

    private FusionGeometry() {}

    /** What the fused graph's crop and geometry inputs hold, for a model card: input name → description. */
    public static java.util.Map<String, String> cardInputs(int size, int cropSize) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(InstanceAwareNet.CROPS, "[K, " + cropSize + ", " + cropSize + ", 1] L 0-100 of each box, resized to the crop size");
        m.put("rows_S", "[K, " + size + "/S, " + cropSize + "/S] bilinear matrices from the box's y span at stride S (1, 2, 4, 8)");
        m.put("cols_S", "[K, " + size + "/S, " + cropSize + "/S] the same from the x span");
        m.put("code", FusionGeometry.class.getName());
        return m;
    }

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

    /** The n × n matrix of {@link #matrix(Span, int, int)} (instance map as large as the full one). */
    public static float[] matrix(Span span, int n) {
        return matrix(span, n, n);
    }

    /** The n × m row-major matrix that resizes a map of side m into {@code span} of a map of side n and zero-pads it. */
    public static float[] matrix(Span span, int n, int m) {
        float[] r = new float[n * m];
        double scale = (double) m / span.size();
        for (int t = 0; t < span.size(); t++) {
            double u = Math.max(0, (t + 0.5) * scale - 0.5);
            int i0 = Math.min((int) Math.floor(u), m - 1);
            int i1 = Math.min(i0 + 1, m - 1);
            float frac = (float) (u - i0);
            int row = (span.start() + t) * m;
            r[row + i0] += 1 - frac;
            r[row + i1] += frac;
        }
        return r;
    }

    /** {@link #inputs(List, int, int)} with crops as large as the network input. */
    public static Inputs inputs(List<NetBox> boxes, int size) {
        return inputs(boxes, size, size);
    }

    /**
     * The fusion graph's geometry inputs for {@code boxes} on a network input of side {@code size}
     * with crops of side {@code cropSize}: for each stride, [K, n, m] row matrices (from the y
     * spans) and column matrices (from the x spans), flattened.
     */
    public static Inputs inputs(List<NetBox> boxes, int size, int cropSize) {
        if (size % 8 != 0 || cropSize % 8 != 0 || cropSize < 8) {
            throw new IllegalArgumentException("network and crop sizes must be multiples of 8, were " + size + ", " + cropSize);
        }
        float[][] rows = new float[STRIDES.size()][];
        float[][] cols = new float[STRIDES.size()][];
        for (int s = 0; s < STRIDES.size(); s++) {
            int stride = STRIDES.get(s);
            int n = size / stride;
            int m = cropSize / stride;
            rows[s] = new float[boxes.size() * n * m];
            cols[s] = new float[boxes.size() * n * m];
            for (int k = 0; k < boxes.size(); k++) {
                Span[] xy = boxAt(boxes.get(k), stride, size);
                System.arraycopy(matrix(xy[1], n, m), 0, rows[s], k * n * m, n * m);
                System.arraycopy(matrix(xy[0], n, m), 0, cols[s], k * n * m, n * m);
            }
        }
        return new Inputs(boxes.size(), size, cropSize, rows, cols);
    }

    /** Row and column matrices per stride (index as in {@link #STRIDES}), each [count, n, m] row-major. */
    public record Inputs(int count, int size, int cropSize, float[][] rows, float[][] cols) {
        public static String rowsName(int stride) {
            return "rows_" + stride;
        }

        public static String colsName(int stride) {
            return "cols_" + stride;
        }
    }
}
