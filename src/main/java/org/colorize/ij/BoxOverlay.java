package org.colorize.ij;

import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;
import org.colorize.detect.Box;

/**
 * The boxes an instance-aware colorization used as an ImageJ Overlay: a rectangle named after
 * its label and "label score" above it, so ImageJ can hide the boxes or flatten them into the image.
 */
public final class BoxOverlay {
    private static final Color COLOR = Color.YELLOW;
    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 12);
    /** Room for the text above a box. */
    private static final int TEXT_HEIGHT = 14;

    private BoxOverlay() {
    }

    /** One image's boxes. */
    public static Overlay of(List<Box> boxes) {
        Overlay ov = new Overlay();
        addTo(ov, boxes, 0);
        return ov;
    }

    /** Each plane's boxes on its slice of a stack (plane i at position i + 1); one plane's on every slice. */
    public static Overlay ofPlanes(List<List<Box>> planes) {
        if (planes.size() == 1) return of(planes.get(0));
        Overlay ov = new Overlay();
        for (int i = 0; i < planes.size(); i++) addTo(ov, planes.get(i), i + 1);
        return ov;
    }

    private static void addTo(Overlay ov, List<Box> boxes, int position) {
        for (Box b : boxes) {
            Roi r = new Roi(b.x1(), b.y1(), b.width(), b.height());
            r.setStrokeColor(COLOR);
            r.setName(b.label());
            r.setPosition(position);
            ov.add(r);
            TextRoi t = new TextRoi(b.x1(), Math.max(0, b.y1() - TEXT_HEIGHT), text(b), FONT);
            t.setStrokeColor(COLOR);
            t.setPosition(position);
            ov.add(t);
        }
    }

    /** "label score", e.g. "person 0.87"; a box without a label is "box". */
    static String text(Box b) {
        return (b.label().isEmpty() ? "box" : b.label()) + String.format(Locale.ROOT, " %.2f", b.score());
    }
}
