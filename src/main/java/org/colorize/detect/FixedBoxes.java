package org.colorize.detect;

import java.util.List;

/**
 * A box source that gives every image the same boxes (a file of boxes, saved ROIs), clipped to it.
 * It reads no pixels, so a colorizer need not build the image's plane for it.
 */
public interface FixedBoxes extends BoxSource {
    /** Every box, as read. */
    List<Box> all();

    @Override
    default List<Box> boxes(GrayPlane image) {
        return Boxes.clip(all(), image.width(), image.height());
    }

    /** {@code boxes} as a source, described as {@code origin}. */
    static FixedBoxes of(List<Box> boxes, String origin) {
        List<Box> copy = List.copyOf(boxes);
        return new FixedBoxes() {
            @Override
            public List<Box> all() {
                return copy;
            }

            @Override
            public String toString() {
                return origin;
            }
        };
    }
}
