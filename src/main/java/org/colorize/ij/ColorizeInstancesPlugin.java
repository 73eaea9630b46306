package org.colorize.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.GenericDialog;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.detect.Box;
import org.colorize.detect.BoxSource;
import org.colorize.detect.CsvBoxes;
import org.colorize.detect.DetectorOptions;
import org.colorize.detect.ParticleBoxes;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.Colorizers;
import org.colorize.pipeline.DetectorBoxes;
import org.colorize.pipeline.InstanceAwareColorizer;
import org.colorize.runtime.TensorFlowRuntime;

/**
 * Plugins > Colorize > Colorize Instances...: instance-aware colorization of the current image with
 * boxes from the detector, the ROI Manager, particle analysis or a CSV file; optionally an Overlay
 * of the boxes with labels and scores (hide it or flatten it with ImageJ's own commands). Recorded
 * as {@code run("Colorize Instances...", "model=… boxes=roi …")}; Esc cancels. No boxes: the
 * full-image result, said in the Log.
 */
public class ColorizeInstancesPlugin extends CurrentImagePlugin<InstanceOptions> {
    static final String TITLE = "Colorize Instances";

    public ColorizeInstancesPlugin() {
        super(TITLE);
    }

    @Override
    InstanceOptions optionsFromMacro(ImagePlus imp, String macro) throws ColorizeException {
        return fromMacro(macro);
    }

    @Override
    InstanceOptions optionsFromDialog(ImagePlus imp) throws ColorizeException {
        return fromDialog();
    }

    @Override
    void runOn(ImagePlus imp, InstanceOptions options) throws ColorizeException {
        colorize(imp, options).show();
    }

    static InstanceOptions fromMacro(String macro) throws ColorizeException {
        Map<String, String> values = MacroOptions.parse(macro);
        for (String k : MacroOptions.unknownKeys(values, InstanceOptions.KEYS)) {
            IJ.log(TITLE + ": unknown option '" + k + "' ignored (known: " + String.join(", ", InstanceOptions.KEYS) + ").");
        }
        return InstanceOptions.fromMap(values, defaultModel(ImageJHost.registry()));
    }

    private static InstanceOptions fromDialog() throws ColorizeException {
        ModelRegistry registry = ImageJHost.registry();
        List<String> names = new ArrayList<>();
        for (ModelEntry e : registry.list()) {
            if (InstanceAwareColorizer.KIND.equals(kind(registry, e.name()))) names.add(e.name());
        }
        if (names.isEmpty()) throw new ColorizeException("No instance-aware model is installed (looked in " + registry.roots() + ").");
        InstanceOptions d = InstanceOptions.defaults(names.get(0));
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addChoice("Model", names.toArray(new String[0]), d.model());
        gd.addChoice("Boxes", InstanceOptions.SOURCES, d.boxes());
        gd.addNumericField("Score (detector, minimum)", d.score(), 2);
        gd.addNumericField("Max instances", d.max(), 0);
        gd.addFileField("File (CSV of x1,y1,x2,y2)", "");
        gd.addStringField("Threshold (particles, 0-255 or auto)", "auto");
        gd.addNumericField("Minsize (particles, px)", d.minSize(), 0);
        gd.addNumericField("Maxsize (particles, px; 0 = no limit)", 0, 0);
        gd.addCheckbox("Overlay of the boxes", false);
        gd.addStringField("Classes (detector; COCO names, comma-separated; empty = all)", "", 20);
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        String model = gd.getNextChoice();
        String boxes = gd.getNextChoice();
        double score = gd.getNextNumber();
        int max = (int) gd.getNextNumber();
        String file = gd.getNextString();
        String threshold = gd.getNextString();
        long minSize = (long) gd.getNextNumber();
        long maxSize = (long) gd.getNextNumber();
        boolean overlay = gd.getNextBoolean();
        String classes = gd.getNextString();
        return new InstanceOptions(model, boxes, score, max, file, threshold.equalsIgnoreCase("auto") ? Double.NaN : Double.parseDouble(threshold),
                minSize, maxSize <= 0 ? Long.MAX_VALUE : maxSize, overlay, InstanceOptions.classIds(classes));
    }

    private static String kind(ModelRegistry registry, String name) {
        try {
            return registry.card(name).kind();
        } catch (ColorizeException e) {
            return "";
        }
    }

    private static String defaultModel(ModelRegistry registry) {
        for (ModelEntry e : registry.list()) {
            if (InstanceAwareColorizer.KIND.equals(kind(registry, e.name()))) return e.name();
        }
        return "";
    }

    /** The box source the options name. */
    static BoxSource boxSource(InstanceOptions o, ModelRegistry registry) throws ColorizeException {
        return switch (o.boxes()) {
            case "detector" -> new DetectorBoxes(registry, DetectorOptions.defaults().withMinScore((float) o.score()).withMaxBoxes(o.max())
                    .withClasses(o.classes()));
            case "roi" -> RoiBoxes.fromRoiManager();
            case "particles" -> new ParticleBoxes(o.threshold(), true, o.minSize(), o.maxSize(), o.max());
            case "csv" -> CsvBoxes.read(Paths.get(o.file()));
            default -> throw new IllegalArgumentException("unknown box source " + o.boxes());
        };
    }

    /** Colorizes {@code imp} with ImageJ's progress and Esc; warnings and the boxes used go to the Log. */
    static ImagePlus colorize(ImagePlus imp, InstanceOptions o) throws ColorizeException {
        try {
            return TensorFlowRuntime.withContextLoader(() -> {
                ModelRegistry registry = ImageJHost.registry();
                Colorizer c = Colorizers.forModel(registry, o.model());
                if (!(c instanceof InstanceAwareColorizer instances)) {
                    throw new ColorizeException("Model " + o.model() + " is not instance-aware; use Colorize... for it.");
                }
                InstanceAwareColorizer colorizer = instances.withBoxes(boxSource(o, registry), o.max());
                ColorizeOptions options = ColorizeOptions.defaults().withModel(o.model());
                ColorizeResult result = colorizer.colorize(ImagePlusAdapter.toSource(imp), options, ImageJHost.context((stage, f) -> {
                    IJ.showStatus(TITLE + ": " + stage);
                    IJ.showProgress(f);
                }));
                for (String w : result.warnings()) IJ.log(TITLE + ": " + w);
                List<Box> boxes = colorizer.lastBoxes().isEmpty() ? List.of() : colorizer.lastBoxes().get(0);
                IJ.log(TITLE + ": " + boxes.size() + " boxes (" + o.boxes() + ")" + (boxes.isEmpty() ? "" : ": " + boxes));
                ImagePlus out = ImagePlusAdapter.toImagePlus(result.first());
                if (o.overlay()) out.setOverlay(BoxOverlay.of(boxes));
                return out;
            });
        } finally {
            IJ.showProgress(1.0);
        }
    }
}
