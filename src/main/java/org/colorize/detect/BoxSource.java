package org.colorize.detect;

import java.util.List;
import org.colorize.ColorizeException;

/**
 * Where instance boxes come from: a detector ({@link Detector}), or later the ROI Manager,
 * particle analysis or a CSV file. Boxes are in the pixel coordinates of {@code image}.
 */
public interface BoxSource {
    List<Box> boxes(GrayPlane image) throws ColorizeException;
}
