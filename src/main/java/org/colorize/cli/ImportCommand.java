package org.colorize.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.importer.CheckpointImporter;
import org.colorize.importer.ImportArchitecture;
import org.colorize.importer.InstColorizationImporter;
import org.colorize.importer.RefusedCheckpointException;

/**
 * {@code colorize import FILE.pth --arch A --out models/NAME}: turns a published PyTorch
 * checkpoint into a model folder ({@link CheckpointImporter}); with {@code --arch instcolor
 * --instance G.pth --fusion GF.pth} InstColorization's three networks into one instance-aware model
 * ({@link InstColorizationImporter}). Exit 0 when the model was written,
 * 1 when the file was refused or could not be imported (nothing is written then), 2 for bad usage.
 */
public final class ImportCommand {
    static final String USAGE = String.join("\n",
            "usage: colorize import FILE.pth --arch " + String.join("|", ImportArchitecture.keys()) + " --out models/NAME",
            "       colorize import latest_net_GComp.pth --arch instcolor --instance latest_net_G.pth --fusion latest_net_GF.pth"
                    + " --out models/NAME",
            "",
            "Imports the published weights of a colorization network (a PyTorch state dict, zip or",
            "legacy format) as a Colorize model: the file is read without running anything in it,",
            "the network is rebuilt, exported as a SavedModel, checked through DJL, and written with",
            "a model card (source file, SHA-256, architecture) to models/NAME, which must not exist.",
            "",
            "  eccv16              Zhang et al. 2016, colorization_release_v2-9b330a0b.pth",
            "  siggraph17          Zhang et al. 2017, siggraph17-df00044c.pth",
            "  instcolor-full      InstColorization's full-image network, latest_net_GComp.pth",
            "  instcolor-instance  InstColorization's instance network, latest_net_G.pth",
            "  instcolor           InstColorization's three networks as one instance-aware model:",
            "                      FILE = latest_net_GComp.pth, --instance latest_net_G.pth,",
            "                      --fusion latest_net_GF.pth (all from one checkpoint folder)",
            "",
            "Then: colorize IMAGE -o OUT --model models/NAME (instance-aware: --boxes, see colorize --help).",
            "Exit status: 0 imported, 1 refused or failed (no model written), 2 bad usage.");

    private ImportCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        CommandLineArgs parsed;
        ImportArchitecture arch;
        try {
            parsed = CommandLineArgs.spec().values("arch", "out", "instance", "fusion").parse(args);
            if (parsed.positionals().size() != 1) throw new IllegalArgumentException("give exactly one checkpoint file");
            if (!parsed.has("arch")) throw new IllegalArgumentException("--arch is required");
            if (!parsed.has("out")) throw new IllegalArgumentException("--out is required (e.g. --out models/siggraph17)");
            arch = ImportArchitecture.parse(parsed.value("arch", null));
            boolean companions = parsed.has("instance") || parsed.has("fusion");
            if (arch.needsCompanions() && !(parsed.has("instance") && parsed.has("fusion"))) {
                throw new IllegalArgumentException("--arch " + arch.key() + " needs --instance latest_net_G.pth and --fusion latest_net_GF.pth"
                        + " (FILE is latest_net_GComp.pth)");
            }
            if (!arch.needsCompanions() && companions) {
                throw new IllegalArgumentException("--instance and --fusion go with --arch " + ImportArchitecture.INSTCOLOR.key());
            }
        } catch (IllegalArgumentException e) {
            err.println("colorize import: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Path file = Paths.get(parsed.positionals().get(0));
        Path target = Paths.get(parsed.value("out", null));
        try {
            if (arch.needsCompanions()) {
                var files = new InstColorizationImporter.Files(file, Paths.get(parsed.value("instance", null)),
                        Paths.get(parsed.value("fusion", null)));
                var imported = InstColorizationImporter.importModel(files, target, m -> err.println("colorize import: " + m));
                out.println("imported " + file.getFileName() + ", " + files.instance().getFileName() + " and "
                        + files.fusion().getFileName() + " as " + imported.folder() + " (" + arch.key() + ", instance-aware)");
                return 0;
            }
            var imported = CheckpointImporter.importCheckpoint(file, arch, target, m -> err.println("colorize import: " + m));
            out.println("imported " + file.getFileName() + " as " + imported.folder() + " (" + arch.key() + ", "
                    + imported.format().description() + ")");
            return 0;
        } catch (RefusedCheckpointException e) {
            err.println("colorize import: " + e.getMessage());
            err.println("colorize import: no model was written.");
            return 1;
        } catch (ColorizeException e) {
            err.println("colorize import: " + e.getMessage());
            return 1;
        }
    }
}
