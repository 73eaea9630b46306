package org.colorize.model;

/**
 * Chroma predicted on a square grid: interleaved a, b in Lab units, {@code size × size × 2}.
 */
public record AbField(float[] ab, int size) {
}
