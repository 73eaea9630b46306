package org.colorize.ij;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.gui.Toolbar;
import ij.plugin.frame.RoiManager;
import ij.process.FloatPolygon;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ColorHints;

/**
 * Color hints from ImageJ point ROIs: every point of every point ROI is a hint at its position
 * (image pixels), its color either the ROI's stroke color (the foreground color when it has none)
 * or the pixel at the same place in another open color image.
 */
final class HintRois {
    /** Where the points come from: the image's own ROIs, or the ROI Manager's. */
    static final String IMAGE = "image";
    static final String MANAGER = "manager";
    static final String[] SOURCES = {IMAGE, MANAGER};
    /** The colors-from choice meaning "each ROI's stroke color". */
    static final String STROKE = "stroke";

    private HintRois() {
    }

    /** The point ROIs of {@code source}: the image's selection and Overlay, or the ROI Manager. */
    static List<Roi> rois(ImagePlus imp, String source) {
        List<Roi> out = new ArrayList<>();
        if (MANAGER.equals(source)) {
            RoiManager rm = RoiManager.getInstance2();
            if (rm != null) for (Roi r : rm.getRoisAsArray()) if (r instanceof PointRoi) out.add(r);
            return out;
        }
        if (!IMAGE.equals(source)) throw new IllegalArgumentException("points must be image or manager, was '" + source + "'");
        if (imp.getRoi() instanceof PointRoi p) out.add(p);
        Overlay ov = imp.getOverlay();
        if (ov != null) for (Roi r : ov.toArray()) if (r instanceof PointRoi) out.add(r);
        return out;
    }

    /**
     * The hints of {@code rois}; colors from each ROI's stroke color, or sampled in {@code colors}
     * (an RGB image; null for stroke colors) at each point.
     */
    static List<ColorHints.Point> points(List<Roi> rois, ImagePlus colors) throws ColorizeException {
        List<ColorHints.Point> out = new ArrayList<>();
        for (Roi r : rois) {
            FloatPolygon fp = r.getFloatPolygon();
            Color stroke = r.getStrokeColor() != null ? r.getStrokeColor() : Toolbar.getForegroundColor();
            for (int i = 0; i < fp.npoints; i++) {
                double x = fp.xpoints[i];
                double y = fp.ypoints[i];
                int rgb = colors == null ? stroke.getRGB() & 0xffffff : sample(colors, x, y);
                out.add(new ColorHints.Point(Math.round(x * 100) / 100.0, Math.round(y * 100) / 100.0, rgb));
            }
        }
        return out;
    }

    private static int sample(ImagePlus colors, double x, double y) throws ColorizeException {
        int ix = (int) Math.floor(x);
        int iy = (int) Math.floor(y);
        if (ix < 0 || iy < 0 || ix >= colors.getWidth() || iy >= colors.getHeight()) {
            throw new ColorizeException("The point (" + x + ", " + y + ") lies outside '" + colors.getTitle() + "' ("
                    + colors.getWidth() + "×" + colors.getHeight() + "), where its color was to be taken.");
        }
        int[] v = colors.getPixel(ix, iy); // RGB images: {r, g, b, 0}; composites: the displayed color
        if (colors.isComposite()) return new ImagePlus("", colors.getImage()).getProcessor().convertToRGB().get(ix, iy) & 0xffffff;
        return (v[0] & 0xff) << 16 | (v[1] & 0xff) << 8 | (v[2] & 0xff);
    }

    /** A global reference from an open image: its current plane's RGB pixels. */
    static ColorHints.Reference reference(ImagePlus imp) throws ColorizeException {
        if (imp.getType() != ImagePlus.COLOR_RGB && !imp.isComposite()) {
            throw new ColorizeException("The reference '" + imp.getTitle() + "' is not a color image (it has no colors to give).");
        }
        int[] rgb = (int[]) imp.getProcessor().convertToRGB().getPixels();
        if (imp.isComposite()) rgb = (int[]) new ImagePlus("", imp.getImage()).getProcessor().convertToRGB().getPixels();
        return ColorHints.Reference.ofRgb(imp.getTitle(), rgb, ColorHints.Reference.stepFor(rgb.length));
    }
}
