package org.colorize.ij;

import ij.gui.Roi;
import ij.plugin.frame.RoiManager;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.colorize.detect.Box;
import org.colorize.detect.BoxSource;
import org.colorize.detect.Boxes;
import org.colorize.detect.GrayPlane;

/**
 * Boxes from ImageJ ROIs: a rectangle as it is, any other ROI (oval, polygon, freehand, a traced
 * particle) by its bounding box; what a scientist draws around cells or an archivist around
 * faces. Each ROI's name is the box's label.
 */
public final class RoiBoxes implements BoxSource {
    private final List<Box> boxes;

    public RoiBoxes(List<Roi> rois) {
        List<Box> out = new ArrayList<>();
        for (Roi r : rois) {
            if (r == null) continue;
            Rectangle b = r.getBounds();
            if (b.width < 1 || b.height < 1) continue;
            out.add(new Box(b.x, b.y, b.x + b.width, b.y + b.height, 1f, Box.NO_CLASS, r.getName() == null ? "roi" : r.getName()));
        }
        this.boxes = List.copyOf(out);
    }

    /** The ROIs of the ROI Manager (none when it is not open). */
    public static RoiBoxes fromRoiManager() {
        RoiManager rm = RoiManager.getInstance2(); // the batch-mode manager in batch mode, never a new window
        return new RoiBoxes(rm == null ? List.of() : List.of(rm.getRoisAsArray()));
    }

    /** Every box, as read from the ROIs. */
    public List<Box> all() {
        return boxes;
    }

    @Override
    public List<Box> boxes(GrayPlane image) {
        return Boxes.clip(boxes, image.width(), image.height());
    }

    @Override
    public String toString() {
        return boxes.size() + " ROIs of the ROI Manager";
    }
}
