package org.colorize.cli;

import ij.IJ;
import ij.ImagePlus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.colorize.ColorizeCanceledException;
import org.colorize.ColorizeException;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.io.ImageFiles;
import org.colorize.io.ImageFolder;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.Colorizers;
import org.colorize.runtime.CancelToken;

/**
 * Colorizes a list of files into a folder, one at a time, reporting progress on stderr. A cancel
 * (Ctrl-C) stops the running image before anything of it is written and skips the rest.
 */
final class BatchColorizer {
    /** Exit code after a cancel, as a shell reports a command stopped by SIGINT. */
    static final int CANCELED = 130;

    private final ModelRegistry registry;
    private final PrintStream err;
    private final CancelToken cancel;

    BatchColorizer(ModelRegistry registry, PrintStream err, CancelToken cancel) {
        this.registry = registry;
        this.err = err;
        this.cancel = cancel;
    }

    int run(CliArguments args) {
        List<Path> files;
        Colorizer colorizer;
        try {
            files = expand(args.inputs());
            prepareOutputDir(args.outputDir());
            checkNameClashes(files);
            // Load the model before any image, so a model problem fails fast and once.
            colorizer = BoxesOption.apply(Colorizers.forModel(registry, args.options().model()), args.boxes(), registry, err);
            registry.load(args.options().model(), args.options().device());
        } catch (ColorizeException e) {
            err.println("colorize: " + e.getMessage());
            return 1;
        }
        int failed = 0;
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String prefix = "[" + (i + 1) + "/" + files.size() + "] " + file.getFileName() + ": ";
            try {
                cancel.check();
                ImagePlus imp = open(file);
                ColorizeContext context = ColorizeContext.of(
                        (stage, f) -> err.printf(Locale.ROOT, "%s%s (%d%%)%n", prefix, stage, Math.round(f * 100)), cancel);
                ColorizeResult result = colorizer.colorize(ImagePlusAdapter.toSource(imp), args.options(), context);
                for (String w : result.warnings()) err.println(prefix + "warning: " + w);
                ImagePlus out = ImagePlusAdapter.toImagePlus(result.first());
                Path target = args.outputDir().resolve(ImageFolder.baseName(file) + "." + ImageFiles.extensionFor(out));
                cancel.check();
                ImageFiles.write(out, target, args.overwrite());
                err.printf(Locale.ROOT, "%swrote %s (model %.1f s, network %.2f s, rest %.2f s)%n", prefix, target,
                        result.times().modelLoad(), result.times().network(), result.times().nonNetwork());
            } catch (ColorizeCanceledException e) {
                err.println(prefix + "canceled");
                err.println("colorize: canceled");
                return CANCELED;
            } catch (ColorizeException e) {
                failed++;
                err.println(prefix + "error: " + e.getMessage());
            }
        }
        if (failed > 0) err.println("colorize: " + failed + " of " + files.size() + " images failed.");
        return failed > 0 ? 1 : 0;
    }

    private static ImagePlus open(Path file) throws ColorizeException {
        if (!Files.isRegularFile(file)) throw new ColorizeException("no such file");
        ImagePlus imp;
        try {
            imp = IJ.openImage(file.toString());
        } catch (RuntimeException e) {
            imp = null;
        }
        if (imp == null) throw new ColorizeException("not an image ImageJ can read");
        return imp;
    }

    private static List<Path> expand(List<Path> inputs) throws ColorizeException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(Files::isRegularFile).filter(ImageFolder::looksLikeImage).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new ColorizeException("Cannot list folder " + in + ": " + e.getMessage(), e);
                }
            } else if (Files.exists(in)) {
                files.add(in);
            } else {
                throw new ColorizeException("Input " + in + " does not exist.");
            }
        }
        if (files.isEmpty()) throw new ColorizeException("No input files found in " + inputs + ".");
        return files;
    }

    private static void prepareOutputDir(Path dir) throws ColorizeException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ColorizeException("Cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) throw new ColorizeException("Output folder " + dir + " is not writable.");
    }

    private static void checkNameClashes(List<Path> files) throws ColorizeException {
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            Path other = seen.put(ImageFolder.baseName(f), f);
            if (other != null) {
                throw new ColorizeException("Inputs " + other + " and " + f + " would both be written as '" + ImageFolder.baseName(f)
                        + "'; colorize them into different output folders.");
            }
        }
    }

}
