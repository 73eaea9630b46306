package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.process.ColorProcessor;
import ij.process.ByteProcessor;
import java.awt.Color;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.color.GlobalHint;
import org.colorize.pipeline.ColorHints;
import org.colorize.pipeline.ColorizeOptions;
import org.junit.jupiter.api.Test;

/** Hints from point ROIs (stroke colors, or colors sampled in another image), the macro form, references. */
class ColorizeHintsPluginTest {

    private static PointRoi point(double x, double y, Color c) {
        PointRoi p = new PointRoi(x, y);
        p.setStrokeColor(c);
        return p;
    }

    @Test
    void pointRoisOfTheImageGiveHintsWithTheirStrokeColors() throws ColorizeException {
        ImagePlus imp = new ImagePlus("gray", new ByteProcessor(100, 80));
        PointRoi two = point(10, 20, Color.RED);
        two.addPoint(30.5, 40);
        imp.setRoi(two);
        Overlay ov = new Overlay();
        ov.add(point(70, 60, Color.BLUE));
        ov.add(new ij.gui.Roi(0, 0, 5, 5)); // not a point ROI: no hint
        imp.setOverlay(ov);
        List<ColorHints.Point> pts = HintRois.points(HintRois.rois(imp, HintRois.IMAGE), null);
        assertEquals(List.of(new ColorHints.Point(10, 20, 0xff0000), new ColorHints.Point(30.5, 40, 0xff0000),
                new ColorHints.Point(70, 60, 0x0000ff)), pts);
        assertThrows(IllegalArgumentException.class, () -> HintRois.rois(imp, "elsewhere"));
    }

    @Test
    void colorsCanBeSampledFromAnotherColorImage() throws ColorizeException {
        ColorProcessor cp = new ColorProcessor(100, 80);
        cp.setColor(new Color(0x12, 0x34, 0x56));
        cp.fill();
        cp.set(10, 20, 0xffaa00);
        ImagePlus colors = new ImagePlus("colors", cp);
        List<ColorHints.Point> pts = HintRois.points(List.of(point(10, 20, Color.RED), point(50, 50, Color.RED)), colors);
        assertEquals(0xffaa00, pts.get(0).rgb(), "sampled, not the stroke color");
        assertEquals(0x123456, pts.get(1).rgb());
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> HintRois.points(List.of(point(150, 20, Color.RED)), colors));
        assertTrue(e.getMessage().contains("outside 'colors'"), e.getMessage());
    }

    @Test
    void theMacroFormCarriesPointsAndColorsAsText() throws ColorizeException {
        ImagePlus imp = new ImagePlus("gray", new ByteProcessor(100, 80));
        imp.setRoi(point(1, 1, Color.GREEN)); // hints= wins over the image's ROIs
        ColorizeOptions o = ColorizeHintsPlugin.fromMacro(imp, "model=m hints=[10,20,#ff0000;30,40,#0000ff] reference=none");
        assertEquals("m", o.model());
        assertEquals(List.of(new ColorHints.Point(10, 20, 0xff0000), new ColorHints.Point(30, 40, 0x0000ff)), o.hints().points());
        assertNull(o.hints().reference());
        assertTrue(o.toMacroString().contains("hints=[10,20,#ff0000;30,40,#0000ff]"), o.toMacroString());
        ColorizeOptions fromRoi = ColorizeHintsPlugin.fromMacro(imp, "model=m");
        assertEquals(List.of(new ColorHints.Point(1, 1, 0x00ff00)), fromRoi.hints().points(), "no hints=: the image's point ROIs");
        assertThrows(IllegalArgumentException.class, () -> ColorizeHintsPlugin.fromMacro(imp, "hints=[10,20]"));
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> ColorizeHintsPlugin.fromMacro(imp, "hints=[1,1,#ffffff] reference=[no such image or file]"));
        assertTrue(e.getMessage().contains("neither an open image"), e.getMessage());
    }

    @Test
    void aColorImageIsAReferenceAndAGrayOneIsRefused() throws ColorizeException {
        ColorProcessor cp = new ColorProcessor(40, 30);
        cp.setColor(Color.RED);
        cp.fill();
        ColorHints.Reference r = HintRois.reference(new ImagePlus("red things", cp));
        assertEquals("red things", r.label());
        assertEquals(1, r.vector()[GlobalHint.BINS + 1], "flag");
        assertTrue(r.vector()[GlobalHint.BINS] > 0.5, "red is saturated");
        ColorizeException e = assertThrows(ColorizeException.class, () -> HintRois.reference(new ImagePlus("g", new ByteProcessor(4, 4))));
        assertTrue(e.getMessage().contains("not a color image"), e.getMessage());
    }
}
