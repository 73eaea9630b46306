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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.detect.Box;
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

    /**
     * Files read by ImageJ's opener, results written by {@link ImageFiles} as OUTDIR/base.png or
     * .tif, and with {@link InstanceOverlays} the boxes' overlay image beside each. An output that
     * exists is replaced with {@code overwrite}, kept with {@code skipExisting} (the batch then
     * writes only the missing ones), and otherwise an error.
     */
    static final class Folder implements ImageStore<Path> {
        private final Path outputDir;
        private final boolean overwrite;
        private final boolean skipExisting;
        private final InstanceOverlays overlays;

        /** @param overlays the instance-aware colorizer's overlays, or null for none */
        Folder(Path outputDir, boolean overwrite, boolean skipExisting, InstanceOverlays overlays) {
            this.outputDir = outputDir;
            this.overwrite = overwrite;
            this.skipExisting = skipExisting;
            this.overlays = overlays;
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
            List<List<Box>> boxes = overlays == null ? null : overlays.take(colorization);
            Outcomes done = new Outcomes();
            int[] argb = ArgbPixels.of(colorization);
            if (argb != null) {
                put(input, outputDir.resolve(ImageFolder.baseName(input) + ".png"), target -> writePng(target, colorization, argb), done);
            } else {
                ImagePlus image = ImagePlusAdapter.toImagePlus(colorization);
                put(input, outputDir.resolve(ImageFolder.baseName(input) + "." + ImageFiles.extensionFor(image)),
                        target -> ImageFiles.write(image, target, overwrite), done);
            }
            if (boxes != null) {
                put(input, InstanceOverlays.target(outputDir, input),
                        target -> ImageFiles.write(InstanceOverlays.image(colorization, boxes), target, overwrite), done);
            }
            return done.toString();
        }

        /** Writes one output of {@code input} at {@code target}, or keeps it there (with {@code skipExisting}). */
        private void put(Path input, Path target, Output output, Outcomes done) throws ColorizeException {
            ImageFiles.refuseSource(input, target);
            if (skipExisting && Files.exists(target)) {
                done.kept.add(target.toString());
            } else {
                output.write(target);
                done.written.add(target.toString());
            }
        }

        private interface Output {
            void write(Path target) throws ColorizeException;
        }

        /** The outputs of one input that were written and those that were kept, as the report line gives them. */
        private static final class Outcomes {
            final List<String> written = new ArrayList<>();
            final List<String> kept = new ArrayList<>();

            @Override
            public String toString() {
                return String.join(", ", written) + (kept.isEmpty() ? "" : " (kept " + String.join(", ", kept) + ": it exists)");
            }
        }

        /** A single RGB plane through {@link PngEncoder} (a quarter of ImageIO's time), put in place by {@link AtomicFiles}. */
        private void writePng(Path target, Colorization colorization, int[] argb) throws ColorizeException {
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
        }
    }

    /** How a batch ended: the number of failed images, and whether a cancel stopped it. */
    record Result(long failed, boolean canceled) {
    }

    /** Colorizes {@code files}, each reported under its {@code prefixes} entry ({@code [i/n] name: }). */
    Result run(List<Path> files, Map<Path, String> prefixes, Colorizer colorizer, ColorizeOptions options, Folder folder) {
        Map<String, String> byName = new HashMap<>();
        for (Path f : files) byName.put(f.toString(), prefixes.get(f));
        ImageJob<Path> job = new ImageJob<>(colorizer, options, folder, file -> ColorizeContext.of(
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
