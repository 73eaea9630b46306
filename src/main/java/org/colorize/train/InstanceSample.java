package org.colorize.train;

import java.util.List;
import org.colorize.nn.FusionGeometry.NetBox;

/**
 * One training picture of the instance stages, at the network size: the whole picture's L and ab
 * (interleaved), its boxes on the network input, and each box's crop (L and ab at the crop size).
 *
 * @param source where it came from, e.g. {@code composite} or {@code detector}
 */
record InstanceSample(float[] l, float[] ab, List<NetBox> boxes, List<float[]> cropL, List<float[]> cropAb, String source) {
    InstanceSample {
        boxes = List.copyOf(boxes);
        cropL = List.copyOf(cropL);
        cropAb = List.copyOf(cropAb);
        if (cropL.size() != boxes.size() || cropAb.size() != boxes.size()) throw new IllegalArgumentException("one crop per box");
    }
}
