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
import java.util.Map;
import java.util.stream.Stream;
import org.colorize.ColorizeException;
import org.colorize.io.ImageFolder;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.Colorizers;
import org.colorize.runtime.CancelToken;

/**
 * Colorizes a list of files into a folder ({@link FileBatch}: reading, colorizing and writing overlapped), reporting progress on stderr. A cancel
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
            colorizer = Colorizers.forModel(registry, args.options().model());
            registry.load(args.options().model(), args.options().device());
        } catch (ColorizeException e) {
            err.println("colorize: " + e.getMessage());
            return 1;
        }
        return new FileBatch(err, cancel).run(files, colorizer, args.options(), args.outputDir(), args.overwrite());
    }

    static ImagePlus open(Path file) throws ColorizeException {
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
