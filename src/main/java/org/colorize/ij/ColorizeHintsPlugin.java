package org.colorize.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.io.InputImages;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorHints;
import org.colorize.pipeline.ColorizeOptions;

/**
 * Plugins > Colorize > Colorize with Hints...: colorizes the current image with user color hints
 * (Zhang et al. 2017): the point ROIs of the image (its selection and Overlay) or of the ROI
 * Manager, each point colored by its ROI's stroke color or by the pixel at the same place in
 * another open color image; optionally a reference color image whose palette is the global hint.
 * What was used is recorded as text, so the macro replays without the ROIs:
 * {@code run("Colorize with Hints...", "model=… hints=[x1,y1,#rrggbb;x2,y2,#rrggbb] reference=[title or path]")}.
 * In a macro, {@code hints=} wins over {@code points=}/{@code colors=}; {@code reference=} names
 * an open image's title or an image file. The hints and reference go into the result's Info.
 */
public class ColorizeHintsPlugin extends CurrentImagePlugin<ColorizeOptions> {
    static final String TITLE = "Colorize with Hints";
    static final String POINTS = "points";
    static final String COLORS = "colors";
    static final String NONE = "none";
    /** Macro keys: the plain colorization's, the hints' and where points and colors come from. */
    static final List<String> KEYS;

    static {
        List<String> k = new ArrayList<>(ColorizeOptions.KEYS);
        k.addAll(ColorizeOptions.HINT_KEYS);
        k.addAll(List.of(POINTS, COLORS));
        KEYS = List.copyOf(k);
    }

    public ColorizeHintsPlugin() {
        super(TITLE);
    }

    @Override
    ColorizeOptions optionsFromMacro(ImagePlus imp, String macro) throws ColorizeException {
        return fromMacro(imp, macro);
    }

    @Override
    ColorizeOptions optionsFromDialog(ImagePlus imp) throws ColorizeException {
        return fromDialog(imp);
    }

    @Override
    void runOn(ImagePlus imp, ColorizeOptions options) throws ColorizeException {
        ImagePlus out = ColorizePlugin.colorize(imp, options);
        IJ.log(TITLE + ": " + options.hints().points().size() + " point hint(s)"
                + (options.hints().reference() != null ? ", reference " + options.hints().reference().label() : ""));
        out.show();
    }

    /** The options of a macro call on {@code imp}. */
    static ColorizeOptions fromMacro(ImagePlus imp, String macro) throws ColorizeException {
        Map<String, String> values = MacroOptions.parse(macro);
        for (String k : MacroOptions.unknownKeys(values, KEYS)) {
            IJ.log(TITLE + ": unknown option '" + k + "' ignored (known: " + String.join(", ", KEYS) + ").");
        }
        ColorizeOptions plain = ColorizePlugin.fromMacro(macro, KEYS);
        List<ColorHints.Point> points;
        if (values.containsKey(ColorizeOptions.HINTS)) {
            points = ColorHints.parsePoints(values.get(ColorizeOptions.HINTS));
        } else {
            String source = values.getOrDefault(POINTS, HintRois.IMAGE);
            points = HintRois.points(HintRois.rois(imp, source), colorImage(values.getOrDefault(COLORS, HintRois.STROKE)));
        }
        String ref = values.get(ColorizeOptions.REFERENCE);
        ColorHints.Reference reference = ref == null || ref.isBlank() || ref.equalsIgnoreCase(NONE) ? null : reference(ref);
        return plain.withHints(new ColorHints(points, reference));
    }

    /** An open color image by title, or null for {@value HintRois#STROKE}. */
    private static ImagePlus colorImage(String title) throws ColorizeException {
        if (title == null || title.equalsIgnoreCase(HintRois.STROKE)) return null;
        ImagePlus imp = WindowManager.getImage(title);
        if (imp == null) throw new ColorizeException("No open image titled '" + title + "' to take the hints' colors from.");
        return imp;
    }

    /** The reference named by an open image's title or by a file path. */
    static ColorHints.Reference reference(String titleOrPath) throws ColorizeException {
        ImagePlus open = WindowManager.getImage(titleOrPath);
        if (open != null) return HintRois.reference(open);
        Path file = Path.of(titleOrPath);
        if (!Files.isRegularFile(file)) {
            throw new ColorizeException("The reference '" + titleOrPath + "' is neither an open image's title nor an image file.");
        }
        ImagePlus imp = InputImages.open(file);
        try {
            ColorHints.Reference r = HintRois.reference(imp);
            return new ColorHints.Reference(titleOrPath, r.vector());
        } finally {
            imp.close();
        }
    }

    private static ColorizeOptions fromDialog(ImagePlus imp) throws ColorizeException {
        ModelRegistry registry = ImageJHost.registry();
        List<String> names = new ArrayList<>();
        for (ModelEntry e : registry.list()) names.add(e.name());
        if (names.isEmpty()) throw new ColorizeException("No colorization model is installed (looked in " + registry.roots() + ").");
        String defaultModel;
        try {
            defaultModel = registry.defaultModel().name();
        } catch (ColorizeException e) {
            defaultModel = names.get(0);
        }
        List<String> colorTitles = new ArrayList<>();
        for (int id : WindowManager.getIDList() == null ? new int[0] : WindowManager.getIDList()) {
            ImagePlus other = WindowManager.getImage(id);
            if (other != null && other != imp && (other.getType() == ImagePlus.COLOR_RGB || other.isComposite())) {
                colorTitles.add(other.getTitle());
            }
        }
        List<String> colorChoices = new ArrayList<>(List.of(HintRois.STROKE));
        colorChoices.addAll(colorTitles);
        List<String> referenceChoices = new ArrayList<>(List.of(NONE));
        referenceChoices.addAll(colorTitles);
        GenericDialog gd = new GenericDialog(TITLE);
        ColorizeDialog.addOptionFields(gd, names, defaultModel);
        gd.addChoice("Points (point ROIs of)", HintRois.SOURCES, HintRois.IMAGE);
        gd.addChoice("Colors (from)", colorChoices.toArray(new String[0]), HintRois.STROKE);
        gd.addChoice("Reference (global hint: its palette)", referenceChoices.toArray(new String[0]), NONE);
        gd.addMessage("Each point of the point ROIs is a hint: its ROI's stroke color, or the color at\n"
                + "the same place in another open color image. The reference gives a palette, not a layout.\n"
                + "The result is a new image; its colors are AI-inferred.");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        ColorizeOptions plain = ColorizeDialog.readOptionFields(gd);
        String source = gd.getNextChoice();
        String colors = gd.getNextChoice();
        String reference = gd.getNextChoice();
        List<ColorHints.Point> points = HintRois.points(HintRois.rois(imp, source), colorImage(colors));
        if (points.isEmpty()) {
            IJ.log(TITLE + ": no point ROIs (" + source + "); colorizing without local hints.");
        }
        ColorHints hints = new ColorHints(points, NONE.equals(reference) ? null : reference(reference));
        // the macro carries the hints themselves, so it replays without the ROIs
        if (Recorder.record && !points.isEmpty()) Recorder.recordOption(ColorizeOptions.HINTS, hints.pointsText());
        return plain.withHints(hints);
    }

}
