package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import java.awt.Rectangle;
import java.util.List;
import org.colorize.detect.Box;
import org.junit.jupiter.api.Test;

/** The overlay the plugin and the command line draw of the boxes an instance-aware colorization used. */
class BoxOverlayTest {
    private static final Box DOG = new Box(10, 20, 50, 60, 0.873f, 16, "dog");
    private static final Box UNNAMED = new Box(0, 5, 30, 25, 1f, Box.NO_CLASS, "");

    @Test
    void eachBoxIsARectangleNamedByItsLabelWithLabelAndScoreAboveIt() {
        Overlay ov = BoxOverlay.of(List.of(DOG, UNNAMED));
        assertEquals(4, ov.size());
        Roi box = ov.get(0);
        assertEquals(new Rectangle(10, 20, 40, 40), box.getBounds());
        assertEquals("dog", box.getName());
        TextRoi text = (TextRoi) ov.get(1);
        assertEquals("dog 0.87", text.getText().strip());
        assertTrue(text.getBounds().y < 20, "above the box");
        assertEquals("box 1.00", ((TextRoi) ov.get(3)).getText().strip(), "a box without a label");
        assertEquals(0, ov.get(3).getBounds().y, "kept inside the image at its top edge");
        assertEquals(0, box.getPosition(), "one image: on every slice");
    }

    @Test
    void eachPlaneOfAStackGetsItsOwnBoxes() {
        Overlay ov = BoxOverlay.ofPlanes(List.of(List.of(DOG), List.of(), List.of(UNNAMED)));
        assertEquals(4, ov.size());
        assertEquals(1, ov.get(0).getPosition());
        assertEquals(1, ov.get(1).getPosition());
        assertEquals(3, ov.get(2).getPosition());
        assertEquals(0, BoxOverlay.ofPlanes(List.of(List.of(DOG))).get(0).getPosition(), "a single plane as of()");
    }
}
