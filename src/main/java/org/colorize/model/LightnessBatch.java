package org.colorize.model;

import java.util.List;
import java.util.Map;

/**
 * Planes the network sees in one call: L (0..100) at the network size, row-major, plus extra
 * named inputs the card's signature asks for (hints, noise, boxes …), one array per plane each,
 * channels last.
 *
 * @param size      side of every plane
 * @param lightness one {@code size × size} array per plane
 * @param extras    input name → one array per plane ({@code size × size × channels}); empty for L-only networks
 */
public record LightnessBatch(int size, List<float[]> lightness, Map<String, List<float[]>> extras) {

    public LightnessBatch {
        lightness = List.copyOf(lightness);
        extras = Map.copyOf(extras);
        for (float[] l : lightness) {
            if (l.length != size * size) {
                throw new IllegalArgumentException("an L plane has " + l.length + " values, expected " + size + "×" + size);
            }
        }
        for (Map.Entry<String, List<float[]>> e : extras.entrySet()) {
            if (e.getValue().size() != lightness.size()) {
                throw new IllegalArgumentException("input '" + e.getKey() + "' has " + e.getValue().size()
                        + " planes for " + lightness.size() + " L planes");
            }
        }
    }

    public static LightnessBatch of(int size, List<float[]> lightness) {
        return new LightnessBatch(size, lightness, Map.of());
    }

    public int count() {
        return lightness.size();
    }

    /** Planes {@code [from, to)} as a batch of their own. */
    public LightnessBatch slice(int from, int to) {
        Map<String, List<float[]>> part = new java.util.LinkedHashMap<>();
        extras.forEach((k, v) -> part.put(k, v.subList(from, to)));
        return new LightnessBatch(size, lightness.subList(from, to), part);
    }
}
