package org.colorize.ij;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.plugin.PlugIn;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.importer.CheckpointImporter;
import org.colorize.importer.ImportArchitecture;
import org.colorize.importer.InstColorizationImporter;
import org.colorize.runtime.TensorFlowRuntime;

/**
 * Plugins › Colorize › Import Model...: turns a published PyTorch checkpoint (ECCV16, SIGGRAPH17,
 * InstColorization's full-image or instance network, or InstColorization's three networks together
 * as one instance-aware model) into a model that Colorize... (or Colorize Instances...) offers, as
 * {@code colorize import} does. A refused file (its pickle names code, it is truncated, it is not
 * the architecture chosen) stops with the reason and writes no model.
 *
 * <p>Macro keys: {@code file} (the .pth; for {@code instcolor} latest_net_GComp.pth), {@code arch}
 * ({@code eccv16}, {@code siggraph17}, {@code instcolor-full}, {@code instcolor-instance},
 * {@code instcolor}), {@code instance} and {@code fusion} (latest_net_G.pth and latest_net_GF.pth,
 * for {@code instcolor} only), {@code model} (a name, installed in the first models folder, or a
 * folder path). {@link #importModel(String)} is the entry for {@code call(...)} in a headless JVM.
 */
public class ImportPlugin implements PlugIn {
    static final String TITLE = "Import Model";
    static final String FILE = "file";
    static final String ARCH = "arch";
    static final String MODEL = "model";
    static final String INSTANCE = "instance";
    static final String FUSION = "fusion";
    static final List<String> KEYS = List.of(FILE, ARCH, INSTANCE, FUSION, MODEL);

    private static String lastFile = "";
    private static String lastArch = ImportArchitecture.SIGGRAPH17.key();
    private static String lastModel = "siggraph17";
    private static String lastInstance = "";
    private static String lastFusion = "";

    /** What one import needs; {@code instance} and {@code fusion} are null except for {@code instcolor}. */
    record Request(Path file, ImportArchitecture arch, Path folder, Path instance, Path fusion) {
    }

    @Override
    public void run(String arg) {
        String macro = Macro.getOptions();
        try {
            Request request = macro != null ? fromMacro(macro) : fromDialog();
            if (request == null) return; // canceled
            Path folder = importModel(request);
            IJ.log(TITLE + ": model ready in " + folder + ": choose it in Plugins > Colorize > "
                    + (request.arch().needsCompanions() ? "Colorize Instances..." : "Colorize...") + " (model=" + folder.getFileName() + ")");
        } catch (IllegalArgumentException | ColorizeException e) {
            fail(e.getMessage(), macro != null);
        }
    }

    static Request fromMacro(String macro) {
        Map<String, String> values = MacroOptions.parse(macro);
        for (String k : MacroOptions.unknownKeys(values, KEYS)) {
            IJ.log(TITLE + ": unknown option '" + k + "' ignored (known: " + String.join(", ", KEYS) + ").");
        }
        return request(values.get(FILE), values.get(ARCH), values.get(MODEL), values.get(INSTANCE), values.get(FUSION));
    }

    private static Request fromDialog() {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addFileField("Checkpoint (.pth)", lastFile, 40);
        gd.addChoice("Architecture", ImportArchitecture.keys().toArray(new String[0]), lastArch);
        gd.addFileField("Instance network (instcolor: latest_net_G.pth)", lastInstance, 40);
        gd.addFileField("Fusion network (instcolor: latest_net_GF.pth)", lastFusion, 40);
        gd.addStringField("Model name", lastModel, 20);
        gd.addMessage("Published weights: see the README, \"Importing published weights\".\n"
                + "instcolor: the checkpoint is latest_net_GComp.pth, all three from one checkpoint folder.\n"
                + "The files are read without running anything in them; the model goes to " + TrainPlugin.modelFolder("NAME") + ".");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        lastFile = gd.getNextString().trim();
        lastArch = gd.getNextChoice();
        lastInstance = gd.getNextString().trim();
        lastFusion = gd.getNextString().trim();
        lastModel = gd.getNextString().trim();
        boolean triple = ImportArchitecture.parse(lastArch).needsCompanions();
        return request(lastFile, lastArch, lastModel, triple ? lastInstance : null, triple ? lastFusion : null);
    }

    /** Checks the values, naming the key of a bad one. */
    static Request request(String file, String arch, String model, String instance, String fusion) {
        if (file == null || file.isBlank()) throw new IllegalArgumentException(FILE + "= must name the checkpoint (.pth)");
        if (arch == null || arch.isBlank()) {
            throw new IllegalArgumentException(ARCH + "= must be one of " + String.join(", ", ImportArchitecture.keys()));
        }
        if (model == null || model.isBlank()) throw new IllegalArgumentException(MODEL + "= must name the model to write");
        ImportArchitecture a;
        try {
            a = ImportArchitecture.parse(arch.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ARCH + "=: " + e.getMessage());
        }
        boolean hasInstance = instance != null && !instance.isBlank();
        boolean hasFusion = fusion != null && !fusion.isBlank();
        if (a.needsCompanions() && !(hasInstance && hasFusion)) {
            throw new IllegalArgumentException(ARCH + "=" + a.key() + " needs " + INSTANCE + "= (latest_net_G.pth) and " + FUSION
                    + "= (latest_net_GF.pth); " + FILE + "= is latest_net_GComp.pth");
        }
        if (!a.needsCompanions() && (hasInstance || hasFusion)) {
            throw new IllegalArgumentException(INSTANCE + "= and " + FUSION + "= go with " + ARCH + "=" + ImportArchitecture.INSTCOLOR.key());
        }
        return new Request(Paths.get(file.trim()), a, TrainPlugin.modelFolder(model.trim()), hasInstance ? Paths.get(instance.trim()) : null,
                hasFusion ? Paths.get(fusion.trim()) : null);
    }

    /** Imports with the plugin's class loader as context loader (DJL) and progress in the status bar. */
    static Path importModel(Request r) throws ColorizeException {
        return TensorFlowRuntime.withContextLoader(() -> {
            IJ.showStatus(TITLE + ": reading " + r.file().getFileName());
            java.util.function.Consumer<String> progress = m -> {
                IJ.showStatus(TITLE + ": " + m);
                if (m.startsWith("note: ")) IJ.log(TITLE + ": " + m);
            };
            Path folder = r.arch().needsCompanions()
                    ? InstColorizationImporter.importModel(new InstColorizationImporter.Files(r.file(), r.instance(), r.fusion()), r.folder(),
                            progress).folder()
                    : CheckpointImporter.importCheckpoint(r.file(), r.arch(), r.folder(), progress).folder();
            IJ.showStatus(TITLE + ": done");
            return folder;
        });
    }

    private static void fail(String message, boolean macro) {
        Failures.report(TITLE, message, macro);
    }

    /**
     * Entry for {@code call("org.colorize.ij.ImportPlugin.importModel", "file=[/x/siggraph17-df00044c.pth]
     * arch=siggraph17 model=siggraph17")}, usable headless.
     *
     * @return the model folder, or "error: message"
     */
    public static String importModel(String options) {
        try {
            return importModel(fromMacro(options == null ? "" : options)).toString();
        } catch (IllegalArgumentException | ColorizeException e) {
            IJ.log(TITLE + " error: " + e.getMessage());
            return "error: " + e.getMessage();
        }
    }
}
