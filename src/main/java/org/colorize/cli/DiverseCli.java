package org.colorize.cli;

import ij.ImagePlus;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colorize.ColorizeCanceledException;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.ij.DiverseImages;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.image.Upsampling;
import org.colorize.io.ImageFiles;
import org.colorize.io.ImageFolder;
import org.colorize.io.InputImages;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.DiverseColorizer;
import org.colorize.pipeline.DiverseOptions;
import org.colorize.pipeline.DiverseResult;
import org.colorize.runtime.CancelFlag;
import org.colorize.runtime.DeviceChoice;

/**
 * {@code colorize diverse IN --method gan|vae -n N --seed S -o OUTDIR [--montage]}: N samples of a
 * diverse model, written as {@code OUTDIR/<base>_diverse.tif} (a labelled RGB stack),
 * {@code <base>_uncertainty.tif} (32-bit spread of ab across the samples) and with
 * {@code --montage} {@code <base>_montage.png}. Each file is written to a hidden temporary name and
 * renamed; nothing is written when any of them exists (unless {@code --overwrite}).
 * {@code colorize diverse --evaluate ...} scores the method on an evaluation set ({@link DiverseEvaluateCli}).
 */
final class DiverseCli {
    static final String USAGE = "usage: colorize diverse IN --method gan|vae [-n N] [--seed S] -o OUTDIR [--montage] [--likely]\n"
            + "                        [--model NAME|PATH] [--upsample bilinear|guided] [--device auto|cpu|gpu] [--overwrite]\n"
            + "       colorize diverse --evaluate --truth DIR [--method gan|vae] [-n 8] [--seed S] [--baseline MODEL]"
            + " [--csv FILE] [--record]";

    private DiverseCli() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("--evaluate")) return DiverseEvaluateCli.run(args, out, err);
        CommandLineArgs a;
        try {
            a = CommandLineArgs.spec().values("method", "samples", "seed", "output", "model", "upsample", "device")
                    .alias("-o", "output").alias("-n", "samples").flags("montage", "likely", "overwrite", "verbose").parse(args);
        } catch (IllegalArgumentException e) {
            err.println("colorize diverse: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (a.positionals().size() != 1 || !a.has("output")) {
            err.println("colorize diverse: give one input image and -o OUTDIR\n" + USAGE);
            return 2;
        }
        String method = a.value("method", "gan");
        DiverseOptions options;
        try {
            String model = a.value("model", DiverseOptions.defaultModel(method));
            ColorizeOptions co = new ColorizeOptions(model, DeviceChoice.parse(a.value("device", "auto")),
                    Upsampling.parse(a.value("upsample", "bilinear")), Double.NaN);
            options = new DiverseOptions(co, a.intValue("samples", 8), a.longValue("seed", 0), a.flag("likely"));
        } catch (IllegalArgumentException e) {
            err.println("colorize diverse: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        Path input = Paths.get(a.positionals().get(0));
        Path outDir = Paths.get(a.value("output", "."));
        String base = ImageFolder.baseName(input);
        List<Path> targets = new ArrayList<>(List.of(outDir.resolve(base + "_diverse.tif"), outDir.resolve(base + "_uncertainty.tif")));
        if (a.flag("montage")) targets.add(outDir.resolve(base + "_montage.png"));
        CancelFlag cancel = new CancelFlag();
        Thread hook = new Thread(cancel::cancel, "colorize-diverse-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try (ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots())) {
            ImageFiles.prepareFolder(outDir);
            for (Path t : targets) {
                ImageFiles.refuseSource(input, t);
                if (!a.flag("overwrite") && Files.exists(t)) {
                    throw new ColorizeException("Output " + t + " already exists; nothing was written (choose another output"
                            + " folder, or give --overwrite).");
                }
            }
            ImagePlus imp = InputImages.open(input);
            long t0 = System.nanoTime();
            DiverseResult r = new DiverseColorizer(registry).sample(ImagePlusAdapter.toSource(imp), options,
                    ColorizeContext.of((stage, f) -> err.printf(Locale.ROOT, "\r%s: %3.0f%% %-40s", base, 100 * f, stage), cancel));
            err.println();
            r.warnings().forEach(w -> err.println("colorize: " + w));
            ImagePlus stack = DiverseImages.stack(r, base);
            ImageFiles.write(stack, targets.get(0), a.flag("overwrite"));
            ImageFiles.write(DiverseImages.uncertainty(r, base), targets.get(1), a.flag("overwrite"));
            if (a.flag("montage")) ImageFiles.write(DiverseImages.montage(stack), targets.get(2), a.flag("overwrite"));
            out.printf(Locale.ROOT, "%s: %d %s samples (seed %d) in %.2f s, mean pairwise ab distance %.1f → %s%n", input,
                    r.samples().size(), r.method(), r.seed(), (System.nanoTime() - t0) / 1e9, r.meanPairwiseDistance(),
                    String.join(", ", targets.stream().map(Path::toString).toList()));
            return 0;
        } catch (ColorizeCanceledException e) {
            err.println("\ncanceled");
            return 130;
        } catch (ColorizeException e) {
            err.println("\ncolorize diverse: " + e.getMessage());
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down
            }
        }
    }
}
