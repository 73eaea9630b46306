package org.colorize.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.colorize.detect.Box;
import org.colorize.nn.FusionGeometry.NetBox;

/**
 * The instance network's inputs from a full-resolution L plane: each box's region resampled to the
 * crop size (4 × 4 bilinear taps per crop pixel, so a large box is averaged, not aliased), and the
 * boxes in the network input's frame (the image is squeezed to S × S, so x and y scale separately).
 */
final class InstanceCrops {
    private InstanceCrops() {}

    /** The crop of {@code box} from {@code l} (width × height, row-major) at {@code side²}. */
    static float[] crop(float[] l, int width, int height, Box box, int side) {
        float[] out = new float[side * side];
        int taps = 4;
        double sx = box.width() / side;
        double sy = box.height() / side;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double sum = 0;
                for (int ty = 0; ty < taps; ty++) {
                    double py = box.y1() + (y + (ty + 0.5) / taps) * sy - 0.5;
                    for (int tx = 0; tx < taps; tx++) {
                        double px = box.x1() + (x + (tx + 0.5) / taps) * sx - 0.5;
                        sum += bilinear(l, width, height, px, py);
                    }
                }
                out[y * side + x] = (float) (sum / (taps * taps));
            }
        }
        return out;
    }

    private static double bilinear(float[] l, int w, int h, double x, double y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        return (l[y0 * w + x0] * (1 - fx) + l[y0 * w + x1] * fx) * (1 - fy) + (l[y1 * w + x0] * (1 - fx) + l[y1 * w + x1] * fx) * fy;
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
