package org.colorize.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.io.ImageFiles;
import org.colorize.io.InputImages;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.Colorizers;
import org.colorize.runtime.TensorFlowRuntime;

/**
 * Plugins > Colorize > Colorize...: colorizes the current image into a new window.
 * In the GUI a dialog asks for the options (and ImageJ records them); from a macro the options
 * string is parsed directly, unknown keys are warned about, and bad values stop the macro with a
 * message naming the key. Esc stops a running colorization. {@link #colorize(String)} is the
 * entry for {@code call(...)} in a headless JVM.
 */
public class ColorizePlugin extends CurrentImagePlugin<ColorizeOptions> {
    static final String TITLE = "Colorize";
    /** Extra keys of the static entry: files instead of the current image. */
    static final String INPUT = "input";
    static final String OUTPUT = "output";
    static final String OVERWRITE = "overwrite";

    public ColorizePlugin() {
        super(TITLE);
    }

    @Override
    ColorizeOptions optionsFromMacro(ImagePlus imp, String macro) {
        return fromMacro(macro, ColorizeOptions.KEYS);
    }

    @Override
    ColorizeOptions optionsFromDialog(ImagePlus imp) {
        return fromDialog();
    }

    @Override
    void runOn(ImagePlus imp, ColorizeOptions options) throws ColorizeException {
        colorize(imp, options).show();
    }

    /**
     * Runs the colorizer of the model's kind on an ImagePlus with ImageJ's progress, threads and
     * Esc, warnings in the Log; returns the new image.
     */
    static ImagePlus colorize(ImagePlus imp, ColorizeOptions options) throws ColorizeException {
        refuseTruncatedSource(imp);
        try {
            return TensorFlowRuntime.withContextLoader(() -> {
                ModelRegistry registry = ImageJHost.registry();
                ColorizeResult result = Colorizers.forModel(registry, options.model()).colorize(ImagePlusAdapter.toSource(imp),
                        options, ImageJHost.context((stage, f) -> {
                            IJ.showStatus("Colorize: " + stage);
                            IJ.showProgress(f);
                        }));
                for (String w : result.warnings()) IJ.log("Colorize: " + w);
                return ImagePlusAdapter.toImagePlus(result.first());
            });
        } finally {
            IJ.showProgress(1.0);
        }
    }

    /**
     * ImageJ opens a truncated TIFF or JPEG without a word, the missing part gray; an image still
     * showing what its file holds is refused when that file ends before its image data does.
     */
    private static void refuseTruncatedSource(ImagePlus imp) throws ColorizeException {
        Path source = sourceFile(imp);
        if (source == null || imp.changes || !java.nio.file.Files.isRegularFile(source)) return;
        String problem;
        try {
            problem = org.colorize.io.CompleteFile.problem(source);
        } catch (java.io.IOException e) {
            return; // the file is gone or unreadable now: the open image is what there is
        }
        if (problem != null) {
            throw new ColorizeException("Image '" + imp.getTitle() + "' was opened from " + source + ", and " + problem
                    + ". It is not colorized (the missing part shows as gray or garbage); copy or scan the file again.");
        }
    }

    static ColorizeOptions fromMacro(String macro, List<String> known) {
        Map<String, String> values = MacroOptions.parse(macro);
        for (String k : MacroOptions.unknownKeys(values, known)) {
            IJ.log("Colorize: unknown option '" + k + "' ignored (known: " + String.join(", ", known) + ").");
        }
        values.keySet().retainAll(ColorizeOptions.KEYS);
        if (ColorizeOptions.DEFAULT.equalsIgnoreCase(values.get(ColorizeOptions.MODEL))) values.remove(ColorizeOptions.MODEL);
        return ColorizeOptions.fromMap(values);
    }

    private static ColorizeOptions fromDialog() {
        ModelRegistry registry = ImageJHost.registry();
        List<String> names = new ArrayList<>();
        for (ModelEntry e : registry.list()) names.add(e.name());
        if (names.isEmpty()) {
            IJ.error(TITLE, "No colorization model is installed.\nLooked in: " + registry.roots());
            return null;
        }
        String defaultModel;
        try {
            defaultModel = registry.defaultModel().name();
        } catch (ColorizeException e) {
            defaultModel = names.get(0);
        }
        return ColorizeDialog.show(TITLE, names, defaultModel);
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
            Path input = values.containsKey(INPUT) ? Paths.get(values.get(INPUT)) : null;
            if (input != null) {
                try {
                    imp = InputImages.open(input);
                } catch (ColorizeException e) {
                    throw new ColorizeException("Cannot open " + input + ": " + e.getMessage(), e);
                }
            } else {
                imp = WindowManager.getCurrentImage();
                if (imp == null) throw new ColorizeException("No image: give input=PATH or open an image first.");
            }
            ImagePlus result = colorize(imp, parsed);
            if (values.containsKey(OUTPUT)) {
                Path target = Paths.get(values.get(OUTPUT));
                ImageFiles.refuseSource(input != null ? input : sourceFile(imp), target);
                ImageFiles.write(result, target, Boolean.parseBoolean(values.getOrDefault(OVERWRITE, "false")));
                return target.toString();
            }
            result.show();
            return result.getTitle();
        } catch (ColorizeException | IllegalArgumentException e) {
            IJ.log("Colorize error: " + e.getMessage());
            return "error: " + e.getMessage();
        } catch (RuntimeException e) {
            String message = "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            IJ.log("Colorize error: " + message);
            return "error: " + message;
        }
    }

    /** The file an open image was read from, or null. */
    private static Path sourceFile(ImagePlus imp) {
        String path = ImagePlusAdapter.metadata(imp).sourcePath();
        return path == null ? null : Paths.get(path);
    }
}
