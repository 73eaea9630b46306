package org.colorize.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.colorize.ColorizeException;
import org.colorize.io.ImageFiles;
import org.colorize.io.ImageFolder;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.Colorizers;
import org.colorize.pipeline.InstanceAwareColorizer;
import org.colorize.runtime.CancelToken;

/**
 * Colorizes a list of files into a folder ({@link FileBatch}: reading, colorizing and writing of
 * successive images overlapped), reporting progress on stderr. A cancel
 * (Ctrl-C) stops the running image before anything of it is written and skips the rest. An
 * output is never its own input; temporary files left by a killed run are removed first, and
 * with {@code --skip-existing} the outputs already there are kept, so rerunning the same command
 * finishes an interrupted batch with every output written once.
 */
final class BatchColorizer {
    /** Exit code after a cancel, as a shell reports a command stopped by SIGINT. */
    static final int CANCELED = 130;
    /** What an output may be called: {@code <base>.png} or {@code <base>.tif}, by the result's type. */
    private static final List<String> OUTPUT_EXTENSIONS = List.of("png", "tif");

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
        ColorizeOptions options;
        try {
            options = args.options().withHints(HintsOption.read(args.hints(), args.reference()));
            files = expand(args.inputs());
            ImageFiles.prepareFolder(args.outputDir());
            checkNameClashes(files, args.instances().overlay());
            // Load the model before any image, so a model problem fails fast and once.
            colorizer = args.instances().apply(Colorizers.forModel(registry, args.options().model()), registry,
                    note -> err.println("colorize: " + note));
            registry.load(args.options().model(), args.options().device());
        } catch (ColorizeException e) {
            err.println("colorize: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            err.println("colorize: internal error: " + describe(e));
            return 1;
        }
        InstanceOverlays overlays = null;
        if (args.instances().overlay()) {
            overlays = new InstanceOverlays((InstanceAwareColorizer) colorizer);
            colorizer = overlays;
        }
        removeLeftovers(files, args.outputDir(), overlays != null);
        int failed = 0;
        int skipped = 0;
        List<Path> todo = new ArrayList<>();
        Map<Path, String> prefixes = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String prefix = "[" + (i + 1) + "/" + files.size() + "] " + file.getFileName() + ": ";
            try {
                Path existing = existingOutput(file, args.outputDir());
                Path existingOverlay = overlays == null ? null : existingOverlay(file, args.outputDir());
                boolean complete = existing != null && (overlays == null || existingOverlay != null);
                if (complete && args.skipExisting()) {
                    skipped++;
                    err.println(prefix + "skipped (" + existing + (existingOverlay == null ? " exists)" : " and " + existingOverlay + " exist)"));
                    continue;
                }
                Path first = existing != null ? existing : existingOverlay;
                if (first != null && !args.overwrite() && !args.skipExisting()) {
                    throw new ColorizeException("Output " + first + " already exists; it is left as it is (rerun with"
                            + " --skip-existing to finish an interrupted batch, or --overwrite to replace it).");
                }
                todo.add(file);
                prefixes.put(file, prefix);
            } catch (ColorizeException e) {
                failed++;
                err.println(prefix + "error: " + e.getMessage());
            }
        }
        FileBatch.Folder folder = new FileBatch.Folder(args.outputDir(), args.overwrite(), args.skipExisting(), overlays);
        FileBatch.Result result = new FileBatch(err, cancel).run(todo, prefixes, colorizer, options, folder);
        if (result.canceled()) {
            err.println("colorize: canceled");
            return CANCELED;
        }
        failed += result.failed();
        if (skipped > 0) err.println("colorize: " + skipped + " of " + files.size() + " images skipped (their outputs exist).");
        if (failed > 0) err.println("colorize: " + failed + " of " + files.size() + " images failed.");
        return failed > 0 ? 1 : 0;
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /**
     * An output of {@code file} already in {@code dir}, or null. An input found there under its
     * output's name is refused: it is the input, not an output.
     */
    private static Path existingOutput(Path file, Path dir) throws ColorizeException {
        for (String ext : OUTPUT_EXTENSIONS) {
            Path candidate = dir.resolve(ImageFolder.baseName(file) + "." + ext);
            ImageFiles.refuseSource(file, candidate);
            if (Files.exists(candidate)) return candidate;
        }
        return null;
    }

    /** The overlay image of {@code file} already in {@code dir}, or null. */
    private static Path existingOverlay(Path file, Path dir) throws ColorizeException {
        Path overlay = InstanceOverlays.target(dir, file);
        ImageFiles.refuseSource(file, overlay);
        return Files.exists(overlay) ? overlay : null;
    }

    /** Deletes the temporary files a killed run left for this batch's outputs. */
    private void removeLeftovers(List<Path> files, Path dir, boolean overlays) {
        int removed = 0;
        for (Path f : files) {
            for (String ext : OUTPUT_EXTENSIONS) removed += ImageFiles.removeLeftovers(dir.resolve(ImageFolder.baseName(f) + "." + ext));
            if (overlays) removed += ImageFiles.removeLeftovers(InstanceOverlays.target(dir, f));
        }
        if (removed > 0) {
            err.println("colorize: removed " + removed + " temporary file" + (removed == 1 ? "" : "s")
                    + " left in " + dir + " by an interrupted run.");
        }
    }

    private static List<Path> expand(List<Path> inputs) throws ColorizeException {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                try (Stream<Path> s = Files.list(in)) {
                    s.filter(Files::isRegularFile).filter(ImageFolder::looksLikeImage).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new ColorizeException("Cannot list folder " + in + ": " + ImageFiles.cause(e, in), e);
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

    private static void checkNameClashes(List<Path> files, boolean overlays) throws ColorizeException {
        Map<String, Path> seen = new HashMap<>();
        for (Path f : files) {
            Path other = seen.put(ImageFolder.baseName(f), f);
            if (other != null) {
                throw new ColorizeException("Inputs " + other + " and " + f + " would both be written as '" + ImageFolder.baseName(f)
                        + "'; colorize them into different output folders.");
            }
        }
        if (!overlays) return;
        for (Path f : files) {
            Path other = seen.get(ImageFolder.baseName(f) + InstanceOverlays.SUFFIX);
            if (other != null) {
                throw new ColorizeException("The overlay of " + f + " and the output of " + other + " could both be written as '"
                        + ImageFolder.baseName(other) + ".tif'; colorize them into different output folders.");
            }
        }
    }

}
