package org.colorize.detect.tfjs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The serving signature to export: signature names mapped to graph tensors, written
 * {@code node} or {@code node:outputIndex}.
 */
public record ServingSignature(Map<String, String> inputs, Map<String, String> outputs) {
    public static final String KEY = "serving_default";

    public ServingSignature {
        if (inputs.isEmpty() || outputs.isEmpty()) throw new IllegalArgumentException("a signature needs inputs and outputs");
        inputs = new LinkedHashMap<>(inputs);
        outputs = new LinkedHashMap<>(outputs);
    }

    static String node(String tensor) {
        int colon = tensor.lastIndexOf(':');
        return colon < 0 ? tensor : tensor.substring(0, colon);
    }

    static int index(String tensor) {
        int colon = tensor.lastIndexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(tensor.substring(colon + 1));
    }
}
