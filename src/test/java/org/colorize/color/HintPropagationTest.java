package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hint propagation: none is the network's ab upsampled, a hint sets its own pixel, fades with distance and stops at edges. */
class HintPropagationTest {
    private static final int GRID = 8;
    private static final int SIZE = 32;

    private static float[] flatAb(float a, float b) {
        float[] ab = new float[GRID * GRID * 2];
        for (int i = 0; i < GRID * GRID; i++) {
            ab[2 * i] = a;
            ab[2 * i + 1] = b;
        }
        return ab;
    }

    /** L 30 left of column 16, 90 from there on: an edge. */
    private static float[] edgeL() {
        float[] l = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) for (int x = 0; x < SIZE; x++) l[y * SIZE + x] = x < 16 ? 30 : 90;
        return l;
    }

    @Test
    void withoutHintsItIsTheNetworksAbUpsampled() {
        float[] out = HintPropagation.apply(flatAb(5, -3), GRID, edgeL(), SIZE, new int[0], new int[0], new float[0]);
        assertEquals(SIZE * SIZE * 2, out.length);
        for (int i = 0; i < SIZE * SIZE; i++) {
            assertEquals(5, out[2 * i], 1e-5);
            assertEquals(-3, out[2 * i + 1], 1e-5);
        }
    }

    @Test
    void aHintSetsItsPixelFadesWithDistanceAndStopsAtAnEdge() {
        float[] out = HintPropagation.apply(flatAb(0, 0), GRID, edgeL(), SIZE, new int[] {8}, new int[] {16},
                new float[] {60, 20});
        assertArrayEquals(new float[] {60, 20}, new float[] {out[2 * (16 * SIZE + 8)], out[2 * (16 * SIZE + 8) + 1]}, 1e-4f,
                "the hint's own pixel gets the hint's color");
        float near = out[2 * (16 * SIZE + 12)];
        float sameSideFar = out[2 * (16 * SIZE + 0)]; // 8 px to the left, same side
        float acrossEdge = out[2 * (16 * SIZE + 16)]; // 8 px to the right, across the edge
        assertTrue(near > sameSideFar - 1e-3 || near > 40, "near the hint most of its color: " + near);
        assertTrue(acrossEdge < sameSideFar * 0.5, "across an edge of ΔL 60 far less than at the same distance on the"
                + " hint's side: " + acrossEdge + " vs " + sameSideFar);
        assertTrue(out[2 * (SIZE * SIZE - 1)] < 10, "the far corner across the edge keeps the network's color: " + out[2 * (SIZE * SIZE - 1)]);
    }

    @Test
    void twoHintsBlendWhereTheyMeet() {
        float[] l = new float[SIZE * SIZE];
        java.util.Arrays.fill(l, 50);
        float[] out = HintPropagation.apply(flatAb(0, 0), GRID, l, SIZE, new int[] {4, 28}, new int[] {16, 16},
                new float[] {40, 0, -40, 0});
        assertTrue(out[2 * (16 * SIZE + 4)] > 30 && out[2 * (16 * SIZE + 28)] < -30, "each hint keeps its place");
        assertEquals(0, out[2 * (16 * SIZE + 16)], 1.5, "halfway between two opposite hints they cancel");
    }
}
