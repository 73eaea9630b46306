package org.colorize.detect;

import java.util.ArrayList;
import java.util.List;

/** Helpers on lists of boxes. */
public final class Boxes {
    private Boxes() {}

    /** The parts of {@code boxes} inside a {@code width × height} image; boxes wholly outside are dropped. */
    public static List<Box> clip(List<Box> boxes, int width, int height) {
        List<Box> out = new ArrayList<>();
        for (Box b : boxes) {
            double x1 = Math.max(0, b.x1());
            double y1 = Math.max(0, b.y1());
            double x2 = Math.min(width, b.x2());
            double y2 = Math.min(height, b.y2());
            if (x2 > x1 && y2 > y1) out.add(new Box(x1, y1, x2, y2, b.score(), b.classId(), b.label()));
        }
        return out;
    }

    /** The {@code max} largest boxes (by area), largest first; all of them when {@code max} is not smaller. */
    public static List<Box> largest(List<Box> boxes, int max) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort((a, b) -> Double.compare(b.area(), a.area()));
        return sorted.size() <= max ? sorted : List.copyOf(sorted.subList(0, max));
    }
}
