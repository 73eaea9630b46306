package org.colorize.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.colorize.detect.Box;
import org.colorize.image.LightnessPlane;
import org.colorize.nn.FusionGeometry.NetBox;

/**
 * The instance network's inputs from a full-resolution L plane: each box's region resampled to the
 * crop size (4 × 4 bilinear taps per crop pixel, so a large box is averaged, not aliased), and the
 * boxes in the network input's frame (the image is squeezed to S × S, so x and y scale separately).
 */
final class InstanceCrops {
    private InstanceCrops() {}

    /** Bilinear taps per crop pixel along each axis. */
    static final int TAPS = 4;

    /**
     * The crops of {@code boxes} at {@code side}², one after another ([K, side, side] row-major).
     * Separable: each image row a crop touches is resampled across once ({@link Taps}), then the crop
     * rows combine those; each image row is read once for all boxes, and rows no box touches not at all.
     */
    static float[] crops(LightnessPlane plane, List<Box> boxes, int side) {
        float[] out = new float[boxes.size() * side * side];
        float[][] rows = new float[plane.height()][];
        for (int k = 0; k < boxes.size(); k++) {
            Box box = boxes.get(k);
            Taps across = Taps.of(box.x1(), box.width() / side, side, plane.width());
            Taps down = Taps.of(box.y1(), box.height() / side, side, plane.height());
            double[][] resampled = new double[plane.height()][];
            for (int y = 0; y < side; y++) {
                double[] sum = new double[side];
                for (int t = y * 2 * TAPS; t < (y + 1) * 2 * TAPS; t++) {
                    int j = down.index[t];
                    double wy = down.weight[t];
                    if (resampled[j] == null) resampled[j] = across.apply(row(plane, rows, j));
                    double[] r = resampled[j];
                    for (int x = 0; x < side; x++) sum[x] += wy * r[x];
                }
                for (int x = 0; x < side; x++) out[(k * side + y) * side + x] = (float) (sum[x] / (TAPS * TAPS));
            }
        }
        return out;
    }

    private static float[] row(LightnessPlane plane, float[][] rows, int j) {
        if (rows[j] == null) {
            rows[j] = new float[plane.width()];
            plane.lightnessRow(j, rows[j]);
        }
        return rows[j];
    }

    /**
     * One axis of the resampling: for each output pixel, {@link #TAPS} samples at (i + (t + 0.5) / TAPS)
     * · step − 0.5 from {@code start}, each bilinear between two clamped source pixels; entries
     * [i · 2·TAPS, (i + 1) · 2·TAPS) hold pixel i's source indices and weights.
     */
    record Taps(int[] index, double[] weight) {
        static Taps of(double start, double step, int side, int length) {
            int[] index = new int[side * 2 * TAPS];
            double[] weight = new double[index.length];
            for (int i = 0; i < side; i++) {
                for (int t = 0; t < TAPS; t++) {
                    double p = Math.max(0, Math.min(length - 1, start + (i + (t + 0.5) / TAPS) * step - 0.5));
                    int p0 = (int) p;
                    int e = (i * TAPS + t) * 2;
                    index[e] = p0;
                    index[e + 1] = Math.min(length - 1, p0 + 1);
                    weight[e] = 1 - (p - p0);
                    weight[e + 1] = p - p0;
                }
            }
            return new Taps(index, weight);
        }

        double[] apply(float[] row) {
            int side = index.length / (2 * TAPS);
            double[] out = new double[side];
            for (int i = 0; i < side; i++) {
                double s = 0;
                for (int e = i * 2 * TAPS; e < (i + 1) * 2 * TAPS; e++) s += weight[e] * row[index[e]];
                out[i] = s;
            }
            return out;
        }
    }

    /** {@code boxes} (image pixels of a width × height image) on the S × S network input. */
    static List<NetBox> onNetwork(List<Box> boxes, int width, int height, int size) {
        List<NetBox> out = new ArrayList<>();
        double fx = (double) size / width;
        double fy = (double) size / height;
        for (Box b : boxes) out.add(new NetBox(b.x1() * fx, b.y1() * fy, b.x2() * fx, b.y2() * fy));
        return out;
    }
}
