package org.colorize.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.colorize.CommandLineArgs;
import org.colorize.TrainException;
import org.colorize.train.TrainOptions;
import org.colorize.train.Trainer;
import org.colorize.train.TrainingData;
import org.colorize.train.TrainingListener;
import org.colorize.train.Validation;

/**
 * {@code colorize train}: trains a colorization network on a folder of color images. Exit 0 when a
 * model was exported (also after a time limit), 1 when training failed or was stopped by a signal
 * before exporting, 2 for bad usage.
 */
final class TrainCommand {
    static final String USAGE = String.join("\n",
            "usage: colorize train --data DIR --out models/NAME [--steps N] [--size S] [--width W]",
            "                      [--head regression|classes] [--batch B] [--lr X] [--schedule constant|cosine|step]",
            "                      [--resume] [--checkpoint DIR] [--val-every N] [--checkpoint-every N]",
            "                      [--seed N] [--threads N] [--inter-op N] [--max-minutes M] [--overwrite]",
            "                      [--kinds K,K] [--val-fraction F] [--features none|global|hypercolumns|both]",
            "                      [--hints] [--init MODEL]",
            "       colorize train --data DIR [--kinds K,K] [--val-fraction F] [--size S] --list-validation",
            "",
            "Trains a SIGGRAPH17 U-Net to predict the colors (Lab ab) of the images in DIR (searched",
            "recursively: jpg, png, tif, bmp) from their lightness, and exports it to models/NAME",
            "(SavedModel + model.json), ready for `colorize --model NAME`.",
            "",
            "  --steps N            total optimizer steps (default " + TrainOptions.DEFAULT_STEPS + "); --resume continues up to N",
            "  --size S             crop side in pixels, multiple of 8 (default " + TrainOptions.DEFAULT_SIZE + ")",
            "  --width W            channel multiplier, 1.0 = published SIGGRAPH17 (default " + TrainOptions.DEFAULT_WIDTH + ")",
            "  --head H             regression (ab, smooth-L1) or classes (313 ab bins, rebalanced cross entropy)",
            "  --batch B            images per step (default " + TrainOptions.DEFAULT_BATCH + ")",
            "  --lr X               Adam learning rate (default 3e-4); --schedule constant|cosine|step",
            "  --checkpoint DIR     checkpoint folder (default checkpoints/NAME beside the models folder)",
            "  --resume             continue from the last checkpoint (or from the model in --out)",
            "  --val-every N        validate every N steps (default steps/20, 10..500)",
            "  --checkpoint-every N checkpoint every N steps (default: as --val-every)",
            "  --max-minutes M      stop after M minutes with a checkpoint and an export (for runs in chunks)",
            "  --threads N          TensorFlow intra-op threads (default: one per core); --inter-op N (default 1)",
            "  --overwrite          replace an existing model folder or checkpoint of another run",
            "  --kinds K,K          with a corpus manifest.tsv: train only on these kinds (e.g. scene,surface)",
            "  --val-fraction F     share of the images held out for validation (default 0.05, at least 1)",
            "  --features F         fuse the COCO detector's features (models/coco-centernet beside --out)",
            "  --hints              with --features: color hint inputs (points + global histogram), trained",
            "                       with simulated users (the default model's; see README, Color hints)",
            "  --init MODEL         start a new run from MODEL's weights (by name; the others start as initialized)",
            "",
            "  --list-validation    print the images such a run holds out (paths relative to DIR, one a",
            "                       line) and train nothing: the pictures to score a model on whole images",
            "",
            "Subfolders with their own manifest.tsv (the corpus's eval/ set) are never trained on.",
            "",
            "Ctrl-C saves a checkpoint (rerun with --resume). Progress goes to stderr, a CSV log to",
            "the checkpoint folder. Set TF_ENABLE_ONEDNN_OPTS=1 before Java starts (./colorize does).");

    static final String LIST_VALIDATION = "list-validation";

    private TrainCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        if (List.of(args).contains("--" + LIST_VALIDATION)) return listValidation(args, out, err);
        Map<String, String> values = new LinkedHashMap<>();
        try {
            List<String> valued = TrainOptions.KEYS.stream().filter(k -> !TrainOptions.FLAGS.contains(k)).toList();
            CommandLineArgs a = CommandLineArgs.spec().values(valued).flags(TrainOptions.FLAGS).noPositionals().parse(args);
            values.putAll(a.asMap());
            for (String flag : TrainOptions.FLAGS) if (a.flag(flag)) values.put(flag, "true");
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        TrainOptions options;
        try {
            options = TrainOptions.fromMap(values);
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        ProgressBar bar = new ProgressBar(err);
        try {
            Trainer.Result r = new Trainer(options, bar, () -> false, true).run();
            bar.end();
            if (r.model() == null) {
                err.println("colorize train: stopped at step " + r.steps() + " before exporting; rerun with --resume");
                return 1;
            }
            out.println(r.model());
            return 0;
        } catch (TrainException e) {
            bar.end();
            err.println("colorize train: " + e.getMessage());
            return 1;
        } catch (RuntimeException | OutOfMemoryError e) {
            bar.end();
            err.println("colorize train: training failed (" + e + "); the last checkpoint is intact, rerun with --resume");
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * {@code --list-validation}: the held-out images of the split that {@code --data}, {@code --kinds},
     * {@code --val-fraction} and {@code --size} give a training run, by the trainer's own loading and
     * split; nothing is trained or written.
     */
    private static int listValidation(String[] args, PrintStream out, PrintStream err) {
        TrainOptions.Split split;
        try {
            split = TrainOptions.Split.fromMap(CommandLineArgs.spec().values(TrainOptions.DATA, TrainOptions.KINDS,
                    TrainOptions.VAL_FRACTION, TrainOptions.SIZE).flags(LIST_VALIDATION).noPositionals().parse(args).asMap());
        } catch (IllegalArgumentException e) {
            return usage(err, e.getMessage());
        }
        try {
            TrainingData d = TrainingData.load(split.data(), split.size(), split.valFraction(), split.kinds(), err::println,
                    () -> false);
            d.validation().stream().map(item -> item.source().relative()).sorted().forEach(out::println);
            return 0;
        } catch (TrainException e) {
            err.println("colorize train: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String problem) {
        err.println("colorize train: " + problem);
        err.println(USAGE);
        return 2;
    }

    /**
     * Progress on stderr: a single redrawn line on a terminal, one line every 30 s otherwise (logs);
     * validation, checkpoint and other messages on their own lines.
     */
    static final class ProgressBar implements TrainingListener {
        private static final int WIDTH = 24;
        private final PrintStream err;
        private final boolean terminal = System.console() != null;
        private long lastDraw;
        private boolean open;

        ProgressBar(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void message(String line) {
            end();
            err.println(line);
        }

        @Override
        public synchronized void step(Progress p) {
            long now = System.nanoTime();
            boolean last = p.step() == p.total();
            if (!last && now - lastDraw < (terminal ? 250_000_000L : 30_000_000_000L) && lastDraw != 0) return;
            lastDraw = now;
            int filled = (int) (WIDTH * p.step() / Math.max(1, p.total()));
            String line = String.format(Locale.ROOT, "[%s%s] step %d/%d  %.1f img/s  loss %s  lr %.2g  ETA %s",
                    "#".repeat(filled), ".".repeat(WIDTH - filled), p.step(), p.total(), p.imagesPerSecond(),
                    p.smoothed().describe(), p.learningRate(), duration(p.etaSeconds()));
            if (terminal) {
                err.print("\r" + line + "\u001b[K");
                open = true;
            } else {
                err.println(line);
            }
        }

        @Override
        public synchronized void validated(Validation v) {
            message(String.format(Locale.ROOT, "validation at step %d: loss %s, PSNR %.2f dB (gray baseline %.2f dB) on %d"
                    + " crops", v.step(), v.losses().describe(), v.psnr(), v.grayPsnr(), v.images()));
        }

        synchronized void end() {
            if (open) {
                err.println();
                open = false;
            }
        }

        static String duration(double seconds) {
            if (!Double.isFinite(seconds)) return "?";
            long s = Math.round(seconds);
            return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                    : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        }
    }
}
