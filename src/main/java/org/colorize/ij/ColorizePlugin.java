package org.colorize.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colorize.EnumKeys;
import org.colorize.image.Upsampling;
import org.colorize.io.ImageFiles;
import org.colorize.runtime.DeviceChoice;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelRegistry;
import org.colorize.runtime.TensorFlowRuntime;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.FullImageColorizer;

/**
 * Plugins > Colorize > Colorize...: colorizes the current image into a new window.
 * In the GUI a dialog asks for the options (and ImageJ records them); from a macro the options
 * string is parsed directly, unknown keys are warned about, and bad values stop the macro with a
 * message naming the key. {@link #colorize(String)} is the entry for {@code call(...)} in a
 * headless JVM.
 */
public class ColorizePlugin implements PlugIn {
    static final String TITLE = "Colorize";
    /** Extra keys of the static entry: files instead of the current image. */
    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String OVERWRITE = "overwrite";

    @Override
    public void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            IJ.noImage();
            return;
        }
        String macro = Macro.getOptions();
        ColorizeOptions options;
        try {
            options = macro != null ? fromMacro(macro, ColorizeOptions.KEYS) : fromDialog();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage(), macro != null);
            return;
        }
        if (options == null) return; // dialog canceled
        try {
            ColorizeResult result = colorize(imp, options);
            result.image().show();
        } catch (ColorizeException e) {
            fail(e.getMessage(), macro != null);
        }
    }

    /** Runs the core with ImageJ progress, the plugin's class loader as context loader and warnings in the Log. */
    static ColorizeResult colorize(ImagePlus imp, ColorizeOptions options) throws ColorizeException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TensorFlowRuntime.classLoader());
        try {
            FullImageColorizer colorizer = new FullImageColorizer(ModelRegistry.shared());
            ColorizeResult result = colorizer.colorize(imp, options, (stage, f) -> {
                IJ.showStatus("Colorize: " + stage);
                IJ.showProgress(f);
            });
            for (String w : result.warnings()) IJ.log("Colorize: " + w);
            return result;
        } finally {
            IJ.showProgress(1.0);
            thread.setContextClassLoader(previous);
        }
    }

    static ColorizeOptions fromMacro(String macro, List<String> known) {
        Map<String, String> values = MacroOptions.parse(macro);
        for (String k : MacroOptions.unknownKeys(values, known)) {
            IJ.log("Colorize: unknown option '" + k + "' ignored (known: " + String.join(", ", known) + ").");
        }
        values.keySet().retainAll(ColorizeOptions.KEYS);
        if ("default".equalsIgnoreCase(values.get(ColorizeOptions.MODEL))) values.remove(ColorizeOptions.MODEL);
        return ColorizeOptions.fromMap(values);
    }

    private static ColorizeOptions fromDialog() {
        List<String> names = new ArrayList<>();
        for (ModelEntry e : ModelRegistry.shared().list()) names.add(e.name());
        if (names.isEmpty()) {
            IJ.error(TITLE, "No colorization model is installed.\nLooked in: " + ModelRegistry.shared().roots());
            return null;
        }
        ColorizeOptions d = ColorizeOptions.defaults();
        String defaultModel;
        try {
            defaultModel = ModelRegistry.shared().defaultModel().name();
        } catch (ColorizeException e) {
            defaultModel = names.get(0);
        }
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addChoice(ColorizeOptions.label(ColorizeOptions.MODEL), names.toArray(new String[0]), defaultModel);
        gd.addChoice(ColorizeOptions.label(ColorizeOptions.DEVICE), keys(DeviceChoice.values()), d.device().key());
        gd.addChoice(ColorizeOptions.label(ColorizeOptions.UPSAMPLE), keys(Upsampling.values()), d.upsample().key());
        gd.addNumericField(ColorizeOptions.label(ColorizeOptions.TEMPERATURE), 0.38, 2);
        gd.addMessage("Temperature applies to distribution (313-bin) models only.\n"
                + "The result is a new image; its colors are AI-inferred.");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        return new ColorizeOptions(gd.getNextChoice(), DeviceChoice.parse(gd.getNextChoice()),
                Upsampling.parse(gd.getNextChoice()), gd.getNextNumber());
    }

    private static String[] keys(Enum<?>[] values) {
        String[] keys = new String[values.length];
        for (int i = 0; i < values.length; i++) keys[i] = EnumKeys.key(values[i]);
        return keys;
    }

    private static void fail(String message, boolean macro) {
        if (macro || IJ.getInstance() == null) {
            IJ.log("Colorize error: " + message);
            Macro.abort();
        } else {
            IJ.error(TITLE, message);
        }
    }

    /**
     * Entry for {@code call("org.colorize.ij.ColorizePlugin.colorize", "input=/in.tif output=/out.png model=...")},
     * usable in a headless JVM. Without {@code input=} the current image is colorized; without
     * {@code output=} the result is shown (a batch-mode image in batch mode).
     *
     * @return the output path or the result's title; "error: message" on failure
     */
    public static String colorize(String options) {
        List<String> known = new ArrayList<>(ColorizeOptions.KEYS);
        known.addAll(List.of(INPUT, OUTPUT, OVERWRITE));
        try {
            Map<String, String> values = MacroOptions.parse(options);
            ColorizeOptions parsed = fromMacro(options, known);
            ImagePlus imp;
            if (values.containsKey(INPUT)) {
                imp = IJ.openImage(values.get(INPUT));
                if (imp == null) throw new ColorizeException("Cannot open " + values.get(INPUT) + " as an image.");
            } else {
                imp = WindowManager.getCurrentImage();
                if (imp == null) throw new ColorizeException("No image: give input=PATH or open an image first.");
            }
            ColorizeResult result = colorize(imp, parsed);
            if (values.containsKey(OUTPUT)) {
                Path target = Paths.get(values.get(OUTPUT));
                ImageFiles.write(result.image(), target, Boolean.parseBoolean(values.getOrDefault(OVERWRITE, "false")));
                return target.toString();
            }
            result.image().show();
            return result.image().getTitle();
        } catch (ColorizeException | IllegalArgumentException e) {
            IJ.log("Colorize error: " + e.getMessage());
            return "error: " + e.getMessage();
        }
    }
}
