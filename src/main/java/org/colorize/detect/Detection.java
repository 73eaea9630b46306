package org.colorize.detect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A detector run on one image: the kept boxes (image pixels, best first); the feature taps by name,
 * in the card's order, in the network-input frame ({@code letterbox} maps between the frames; empty
 * unless asked for); the network's time.
 */
public record Detection(List<Box> boxes, Map<String, FeatureMap> features, Letterbox letterbox, double networkSeconds) {
    public Detection {
        boxes = List.copyOf(boxes);
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }
}
