package org.colorize.image;

import org.colorize.color.Lab;

/** Lookup tables from stored pixel values to CIE lightness, built once per image. */
final class LightnessTables {
    /** Resolution of the table over g ∈ [0, 1] used for float pixels (linear interpolation). */
    static final int FLOAT_STEPS = 1 << 16;

    private LightnessTables() {
    }

    static float[] forIntegers(int levels, GrayMapping mapping) {
        float[] table = new float[levels];
        for (int v = 0; v < levels; v++) table[v] = (float) Lab.lightnessOfGray(mapping.toGray(v));
        return table;
    }

    /** L at g = i / FLOAT_STEPS for i = 0 .. FLOAT_STEPS (inclusive). */
    static float[] overGray() {
        float[] table = new float[FLOAT_STEPS + 1];
        for (int i = 0; i <= FLOAT_STEPS; i++) table[i] = (float) Lab.lightnessOfGray(i / (double) FLOAT_STEPS);
        return table;
    }
}
