package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.colorize.detect.Box;
import org.colorize.image.LightnessPlane;
import org.junit.jupiter.api.Test;

class InstanceCropsTest {
    private static final int W = 97;
    private static final int H = 61;

    /** A random L plane that records which rows were read. */
    private static final class Plane implements LightnessPlane {
        final float[] l = new float[W * H];
        final BitSet read = new BitSet();

        Plane(long seed) {
            Random r = new Random(seed);
            for (int i = 0; i < l.length; i++) l[i] = 100 * r.nextFloat();
        }

        @Override
        public int width() {
            return W;
        }

        @Override
        public int height() {
            return H;
        }

        @Override
        public void lightnessRow(int y, float[] out) {
            read.set(y);
            System.arraycopy(l, y * W, out, 0, W);
        }

        /** The documented rule, pixel by pixel: the mean of 4 × 4 bilinear taps, coordinates clamped to the plane. */
        double expected(Box b, int side, int x, int y) {
            double sum = 0;
            for (int ty = 0; ty < 4; ty++) {
                for (int tx = 0; tx < 4; tx++) {
                    double px = Math.max(0, Math.min(W - 1, b.x1() + (x + (tx + 0.5) / 4) * b.width() / side - 0.5));
                    double py = Math.max(0, Math.min(H - 1, b.y1() + (y + (ty + 0.5) / 4) * b.height() / side - 0.5));
                    int x0 = (int) px;
                    int y0 = (int) py;
                    int x1 = Math.min(W - 1, x0 + 1);
                    int y1 = Math.min(H - 1, y0 + 1);
                    double fx = px - x0;
                    double fy = py - y0;
                    sum += (l[y0 * W + x0] * (1 - fx) + l[y0 * W + x1] * fx) * (1 - fy)
                            + (l[y1 * W + x0] * (1 - fx) + l[y1 * W + x1] * fx) * fy;
                }
            }
            return sum / 16;
        }
    }

    @Test
    void eachCropIsTheMeanOfBilinearTapsOverItsBox() {
        Plane plane = new Plane(3);
        int side = 8;
        List<Box> boxes = List.of(
                new Box(10.3, 5.7, 60.2, 40.1, 1f, Box.NO_CLASS, "shrunk"),
                new Box(80, 50, 97, 61, 1f, Box.NO_CLASS, "at the border"),
                new Box(30.5, 20.25, 33.5, 23.75, 1f, Box.NO_CLASS, "enlarged"));
        float[] crops = InstanceCrops.crops(plane, boxes, side);
        assertEquals(boxes.size() * side * side, crops.length);
        for (int k = 0; k < boxes.size(); k++) {
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    assertEquals(plane.expected(boxes.get(k), side, x, y), crops[(k * side + y) * side + x], 1e-4,
                            boxes.get(k).label() + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void rowsNoBoxTouchesAreNotRead() {
        Plane plane = new Plane(5);
        InstanceCrops.crops(plane, List.of(new Box(4, 10, 40, 20, 1f, Box.NO_CLASS, "a"), new Box(50, 15, 90, 25, 1f, Box.NO_CLASS, "b")), 8);
        assertTrue(plane.read.nextSetBit(0) >= 9, "first row read " + plane.read.nextSetBit(0));
        assertTrue(plane.read.length() - 1 <= 25, "last row read " + (plane.read.length() - 1));
        assertTrue(plane.read.cardinality() <= 17, plane.read.cardinality() + " rows read for boxes spanning rows 10-25");
    }
}
