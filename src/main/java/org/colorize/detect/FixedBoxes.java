package org.colorize.detect;

import java.util.List;

/** A box source that gives every image the same boxes (a file of boxes, saved ROIs), clipped to it. */
public interface FixedBoxes extends BoxSource {
    /** Every box, as read. */
    List<Box> all();
}
