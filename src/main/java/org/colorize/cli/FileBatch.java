package org.colorize.cli;

import ij.ImagePlus;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.image.SourceImage;
import org.colorize.io.ImageFiles;
import org.colorize.io.ImageFolder;
import org.colorize.io.InputImages;
import org.colorize.io.PngEncoder;
import org.colorize.files.AtomicFiles;
import org.colorize.pipeline.ArgbPixels;
import org.colorize.pipeline.Colorization;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.ImageJob;
import org.colorize.pipeline.ImageOutcome;
import org.colorize.pipeline.ImageStore;
import org.colorize.pipeline.OverlappedBatch;
import org.colorize.runtime.CancelToken;

/**
 * The command line's batch: files colorized into a folder through {@link OverlappedBatch}, so the
 * next image is decoded and the previous one encoded while one is colorized; one line per image
 * on stderr ({@code [i/n] name: wrote …}, {@code error: …}).
 */
final class FileBatch {
    private final PrintStream err;
    private final CancelToken cancel;

    FileBatch(PrintStream err, CancelToken cancel) {
        this.err = err;
        this.cancel = cancel;
    }

    /** Files read by ImageJ's opener, results written by {@link ImageFiles} as OUTDIR/base.png or .tif. */
    static final class Folder implements ImageStore<Path> {
        private final Path outputDir;
        private final boolean overwrite;

        Folder(Path outputDir, boolean overwrite) {
            this.outputDir = outputDir;
            this.overwrite = overwrite;
        }

        @Override
        public String describe(Path input) {
            return input.toString();
        }

        @Override
        public SourceImage read(Path input) throws ColorizeException {
            return ImagePlusAdapter.toSource(InputImages.open(input));
        }

        @Override
        public String write(Path input, Colorization colorization) throws ColorizeException {
            int[] argb = ArgbPixels.of(colorization);
            if (argb != null) return writePng(input, colorization, argb);
            ImagePlus out = ImagePlusAdapter.toImagePlus(colorization);
            Path target = outputDir.resolve(ImageFolder.baseName(input) + "." + ImageFiles.extensionFor(out));
            ImageFiles.refuseSource(input, target);
            ImageFiles.write(out, target, overwrite);
            return target.toString();
        }

        /** A single RGB plane through {@link PngEncoder} (a quarter of ImageIO's time), put in place by {@link AtomicFiles}. */
        private String writePng(Path input, Colorization colorization, int[] argb) throws ColorizeException {
            Path target = outputDir.resolve(ImageFolder.baseName(input) + ".png");
            ImageFiles.refuseSource(input, target);
            int w = (int) colorization.image().dimension(0);
            int h = (int) colorization.image().dimension(1);
            try {
                AtomicFiles.write(target, overwrite, temp -> {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW), 1 << 16)) {
                        PngEncoder.writeRgb(argb, w, h, ArgbPixels.pngText(colorization), out);
                    }
                });
            } catch (FileAlreadyExistsException e) {
                throw new ColorizeException("Output " + target + " already exists; it is left as it is"
                        + " (choose another output folder, or allow overwriting).", e);
            } catch (IOException e) {
                throw new ColorizeException("Cannot write " + target + ": " + ImageFiles.cause(e, target.getParent()), e);
            }
            return target.toString();
        }
    }

    /** How a batch ended: the number of failed images, and whether a cancel stopped it. */
    record Result(long failed, boolean canceled) {
    }

    /** Colorizes {@code files}, each reported under its {@code prefixes} entry ({@code [i/n] name: }). */
    Result run(List<Path> files, Map<Path, String> prefixes, Colorizer colorizer, ColorizeOptions options, Path outputDir,
            boolean overwrite) {
        Map<String, String> byName = new HashMap<>();
        for (Path f : files) byName.put(f.toString(), prefixes.get(f));
        ImageJob<Path> job = new ImageJob<>(colorizer, options, new Folder(outputDir, overwrite), file -> ColorizeContext.of(
                (stage, f) -> err.printf(Locale.ROOT, "%s%s (%d%%)%n", byName.get(file.toString()), stage, Math.round(f * 100)),
                cancel));
        List<ImageOutcome> outcomes = OverlappedBatch.run(files, job, cancel,
                OverlappedBatch.Settings.forCores(Runtime.getRuntime().availableProcessors()),
                o -> report(byName.get(o.input()), o));
        long failed = outcomes.stream().filter(o -> o.status() == ImageOutcome.Status.FAILED).count();
        boolean canceled = outcomes.stream()
                .anyMatch(o -> o.status() == ImageOutcome.Status.CANCELED || o.status() == ImageOutcome.Status.NOT_STARTED);
        return new Result(failed, canceled);
    }

    private void report(String prefix, ImageOutcome o) {
        switch (o.status()) {
            case WRITTEN -> {
                for (String w : o.warnings()) err.println(prefix + "warning: " + w);
                err.printf(Locale.ROOT, "%swrote %s (model %.1f s, network %.2f s, rest %.2f s)%n", prefix, o.output(),
                        o.times().modelLoad(), o.times().network(), o.times().nonNetwork());
            }
            case CANCELED -> err.println(prefix + "canceled");
            default -> err.println(prefix + "error: " + o.error());
        }
    }
}
