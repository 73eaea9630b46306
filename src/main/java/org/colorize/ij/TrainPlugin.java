package org.colorize.ij;

import ij.IJ;
import ij.Macro;
import ij.gui.GenericDialog;
import ij.gui.Plot;
import ij.plugin.PlugIn;
import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.model.ModelRegistry;
import org.colorize.train.Head;
import org.colorize.train.LossValues;
import org.colorize.TrainException;
import org.colorize.train.TrainOptions;
import org.colorize.train.Trainer;
import org.colorize.train.TrainingListener;
import org.colorize.train.Validation;

/**
 * Plugins › Colorize › Train Colorizer...: trains a colorization network on a folder of color
 * images (e.g. stained sections) and installs it as a model that Colorize... can use. The dialog asks
 * for the data folder, the model's name and the main settings (ImageJ records them); from a macro
 * the options string is parsed directly, unknown keys are warned about and bad values stop the macro
 * with a message naming the key. Training runs on a background thread (in the calling thread from a
 * macro, so the next macro line sees the model) with a live loss plot and ImageJ's progress bar;
 * Esc stops it, keeping a checkpoint and exporting what was learned.
 *
 * <p>Macro keys: {@code data} (folder), {@code model} (name, or a folder path), {@code steps},
 * {@code size}, {@code width}, {@code head} (regression|classes), {@code batch}, {@code lr},
 * {@code seed}, {@code resume}, {@code overwrite}. {@link #train(String)} is the entry for {@code call(...)} in a
 * headless JVM.
 */
public class TrainPlugin implements PlugIn {
    static final String TITLE = "Train Colorizer";
    static final String DATA = "data";
    static final String MODEL = "model";
    static final String STEPS = "steps";
    static final String SIZE = "size";
    static final String WIDTH = "width";
    static final String HEAD = "head";
    static final String BATCH = "batch";
    static final String LR = "lr";
    static final String SEED = "seed";
    static final String RESUME = "resume";
    static final String OVERWRITE = "overwrite";
    /** Every macro key, in dialog order. */
    static final List<String> KEYS = List.of(DATA, MODEL, STEPS, SIZE, WIDTH, HEAD, BATCH, LR, SEED, RESUME, OVERWRITE);
    /** Macro key → trainer option key where they differ. */
    private static final Map<String, String> TO_OPTION = Map.of(MODEL, TrainOptions.OUT);

    private static String lastData = "";
    private static String lastModel = "my-colorizer";

    @Override
    public void run(String arg) {
        String macro = Macro.getOptions();
        TrainOptions options;
        try {
            options = macro != null ? fromMacro(macro) : fromDialog();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage(), macro != null);
            return;
        }
        if (options == null) return; // canceled
        if (macro != null) {
            try {
                train(options, !GraphicsEnvironment.isHeadless());
            } catch (TrainException e) {
                fail(e.getMessage(), true);
            }
        } else {
            Thread t = new Thread(() -> {
                try {
                    train(options, true);
                } catch (TrainException e) {
                    fail(e.getMessage(), false);
                } catch (RuntimeException | OutOfMemoryError e) {
                    IJ.handleException(e);
                }
            }, "Colorize training");
            t.start();
        }
    }

    /** Trains with ImageJ progress, Log messages and (with {@code plot}) a live loss plot; Esc stops. */
    static Trainer.Result train(TrainOptions options, boolean plot) throws TrainException {
        IJ.resetEscape();
        ImageJListener listener = new ImageJListener(options, plot);
        IJ.log("Colorize: training " + options.name() + " on " + options.data() + " (press Esc to stop with a checkpoint"
                + " and an export of what was learned)");
        try {
            Trainer.Result r = new Trainer(options, listener, IJ::escapePressed, true).run();
            if (r.model() != null) {
                IJ.log(String.format(Locale.ROOT, "Colorize: model %s ready (%d steps): choose it in Plugins > Colorize >"
                        + " Colorize... (model=%s)", r.model(), r.steps(), options.name()));
            }
            return r;
        } finally {
            IJ.showProgress(1.0);
            IJ.resetEscape();
        }
    }

    /** Options from a macro string; unknown keys are logged, bad values throw naming the key. */
    static TrainOptions fromMacro(String macro) {
        Map<String, String> values = MacroOptions.parse(macro);
        for (String k : MacroOptions.unknownKeys(values, KEYS)) {
            IJ.log("Colorize: unknown option '" + k + "' ignored (known: " + String.join(", ", KEYS) + ").");
        }
        values.keySet().retainAll(KEYS);
        if (!values.containsKey(DATA) || values.get(DATA).isBlank()) {
            throw new IllegalArgumentException("data= must name the folder of color images to train on");
        }
        if (!values.containsKey(MODEL) || values.get(MODEL).isBlank()) {
            throw new IllegalArgumentException("model= must name the model to train (a name, or a folder path)");
        }
        Map<String, String> options = new LinkedHashMap<>();
        values.forEach((k, v) -> options.put(TO_OPTION.getOrDefault(k, k), v));
        options.put(TrainOptions.OUT, modelFolder(values.get(MODEL)).toString());
        return TrainOptions.fromMap(options);
    }

    /**
     * Where a model named {@code nameOrPath} is written: a path as is, a bare name into the first
     * existing models folder Colorize looks in ({@code <ImageJ>/models} inside ImageJ).
     */
    static Path modelFolder(String nameOrPath) {
        String v = nameOrPath.trim();
        if (v.contains("/") || v.contains("\\")) return Paths.get(v);
        for (Path root : ModelRegistry.standardRoots(ImageJHost.modelsFolder())) {
            if (java.nio.file.Files.isDirectory(root) && java.nio.file.Files.isWritable(root)) return root.resolve(v);
        }
        String imagej = IJ.getDirectory("imagej");
        return (imagej != null ? Paths.get(imagej, "models") : Paths.get("models")).resolve(v);
    }

    private static TrainOptions fromDialog() {
        GenericDialog gd = new GenericDialog(TITLE);
        gd.addDirectoryField("Data folder (color images)", lastData, 30);
        gd.addStringField("Model name", lastModel, 20);
        gd.addNumericField("Steps", TrainOptions.DEFAULT_STEPS, 0);
        gd.addNumericField("Size of crops (px)", TrainOptions.DEFAULT_SIZE, 0);
        gd.addNumericField("Width of the network", TrainOptions.DEFAULT_WIDTH, 3);
        gd.addChoice("Head", new String[] {Head.REGRESSION.key(), Head.CLASSES.key()}, Head.REGRESSION.key());
        gd.addNumericField("Batch size", TrainOptions.DEFAULT_BATCH, 0);
        gd.addNumericField("LR (Adam learning rate)", TrainOptions.DEFAULT_LR, 5, 10, "");
        gd.addNumericField("Seed", TrainOptions.DEFAULT_SEED, 0);
        gd.addCheckbox("Resume the last run of this model", false);
        gd.addCheckbox("Overwrite an existing model of this name", false);
        gd.addMessage("The model goes to " + modelFolder("NAME") + ", checkpoints to checkpoints/NAME beside it.\n"
                + "Speed on 2 cores, width 0.25: ~14-22 images/s at 128 px, ~50-70 at 64 px (with TF_ENABLE_ONEDNN_OPTS=1\n"
                + "set before ImageJ starts; about half without); 2000 steps of 16 at 128 px take ~30-40 min.\n"
                + "Press Esc to stop: a checkpoint is kept and what was learned is exported.");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        Map<String, String> v = new LinkedHashMap<>();
        lastData = gd.getNextString().trim();
        lastModel = gd.getNextString().trim();
        v.put(DATA, lastData);
        v.put(MODEL, lastModel);
        v.put(STEPS, num(gd.getNextNumber()));
        v.put(SIZE, num(gd.getNextNumber()));
        v.put(WIDTH, num(gd.getNextNumber()));
        v.put(HEAD, gd.getNextChoice());
        v.put(BATCH, num(gd.getNextNumber()));
        v.put(LR, num(gd.getNextNumber()));
        v.put(SEED, num(gd.getNextNumber()));
        if (gd.getNextBoolean()) v.put(RESUME, "true");
        if (gd.getNextBoolean()) v.put(OVERWRITE, "true");
        if (lastData.isEmpty()) throw new IllegalArgumentException("choose the folder of color images to train on");
        if (lastModel.isEmpty()) throw new IllegalArgumentException("give the model a name");
        Map<String, String> options = new LinkedHashMap<>();
        v.forEach((k, x) -> options.put(TO_OPTION.getOrDefault(k, k), x));
        options.put(TrainOptions.OUT, modelFolder(lastModel).toString());
        return TrainOptions.fromMap(options);
    }

    private static String num(double d) {
        if (Double.isNaN(d)) throw new IllegalArgumentException("a numeric field holds no number");
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The trainer's messages name command-line flags; here they are macro keys and dialog fields. */
    static String inImageJTerms(String message) {
        return message.replace("--resume", "resume").replace("--overwrite", "overwrite").replace("--out", "model")
                .replace("--lr", "lr").replace("--width", "width").replace("--head", "head").replace("--seed", "seed");
    }

    private static void fail(String message, boolean macro) {
        Failures.report(TITLE, inImageJTerms(message), macro);
    }

    /**
     * Entry for {@code call("org.colorize.ij.TrainPlugin.train", "data=[/images] model=stains steps=500")},
     * usable in a headless JVM; blocks until the model is exported.
     *
     * @return the model folder, or "error: message"
     */
    public static String train(String options) {
        try {
            Trainer.Result r = train(fromMacro(options), false);
            return r.model() == null ? "error: stopped at step " + r.steps() + " before exporting" : r.model().toString();
        } catch (TrainException | IllegalArgumentException e) {
            IJ.log("Colorize error: " + inImageJTerms(e.getMessage()));
            return "error: " + inImageJTerms(e.getMessage());
        }
    }

    /** Status line, progress bar, Log lines and the loss plot. */
    static final class ImageJListener implements TrainingListener {
        private static final long REDRAW_NANOS = 2_000_000_000L;
        /** The loss series' colors, in the recipe's order of names; validation is red. */
        private static final Color[] SERIES_COLORS = {Color.BLUE, new Color(0, 150, 0), Color.MAGENTA, Color.DARK_GRAY};
        private final TrainOptions options;
        private final boolean showPlot;
        private final List<Double> steps = new ArrayList<>();
        /** The moving average of each loss the recipe names, in its order. */
        private final Map<String, List<Double>> ema = new LinkedHashMap<>();
        private final List<Double> valSteps = new ArrayList<>();
        private final List<Double> valLoss = new ArrayList<>();
        private Plot plot;
        private boolean valSeries;
        private long lastDraw;

        ImageJListener(TrainOptions options, boolean showPlot) {
            this.options = options;
            this.showPlot = showPlot && !GraphicsEnvironment.isHeadless();
        }

        @Override
        public void message(String line) {
            IJ.log("Colorize: " + line);
        }

        @Override
        public void step(Progress p) {
            IJ.showProgress((int) p.step(), (int) p.total());
            IJ.showStatus(String.format(Locale.ROOT, "Colorize training: step %d/%d, loss %s, %.1f img/s, ETA %s (Esc stops)",
                    p.step(), p.total(), p.smoothed().describe(), p.imagesPerSecond(), eta(p.etaSeconds())));
            steps.add((double) p.step());
            p.smoothed().values().forEach((name, v) -> ema.computeIfAbsent(name, k -> new ArrayList<>()).add(v));
            if (steps.size() > 4000) thin();
            long now = System.nanoTime();
            if (now - lastDraw > REDRAW_NANOS || p.step() == p.total()) {
                lastDraw = now;
                draw();
            }
        }

        @Override
        public void validated(Validation v) {
            valSteps.add((double) v.step());
            valLoss.add(v.loss());
            IJ.log(String.format(Locale.ROOT, "Colorize: validation at step %d: loss %s, PSNR %.2f dB (gray baseline %.2f dB)",
                    v.step(), v.losses().describe(), v.psnr(), v.grayPsnr()));
            draw();
        }

        /** Keeps every second point: the plot stays light over long runs. */
        private void thin() {
            for (int i = steps.size() - 1; i > 0; i -= 2) {
                steps.remove(i - 1);
                for (List<Double> series : ema.values()) series.remove(i - 1);
            }
        }

        private void draw() {
            if (!showPlot || steps.isEmpty()) return;
            double[] x = unbox(steps);
            List<String> names = new ArrayList<>(ema.keySet());
            try {
                if (plot == null) {
                    plot = new Plot("Colorize training: " + options.name(), "step", "loss");
                    StringBuilder legend = new StringBuilder();
                    for (int i = 0; i < names.size(); i++) {
                        plot.setColor(SERIES_COLORS[i % SERIES_COLORS.length]);
                        plot.add("line", x, unbox(ema.get(names.get(i))));
                        legend.append(names.get(i)).append(" (EMA)\t");
                    }
                    plot.setLegend(legend + "validation " + LossValues.TOTAL, Plot.AUTO_POSITION);
                    plot.show();
                } else {
                    for (int i = 0; i < names.size(); i++) plot.replace(i, "line", x, unbox(ema.get(names.get(i))));
                }
                if (!valSteps.isEmpty()) {
                    if (!valSeries) {
                        plot.setColor(Color.RED);
                        plot.add("connected circle", unbox(valSteps), unbox(valLoss));
                        valSeries = true;
                    } else {
                        plot.replace(names.size(), "connected circle", unbox(valSteps), unbox(valLoss));
                    }
                }
                plot.setLimitsToFit(true);
            } catch (RuntimeException e) {
                // a closed plot window must not stop training
            }
        }

        private static double[] unbox(List<Double> l) {
            double[] a = new double[l.size()];
            for (int i = 0; i < a.length; i++) a[i] = l.get(i);
            return a;
        }

        private static String eta(double s) {
            if (!Double.isFinite(s)) return "?";
            long t = Math.round(s);
            return t >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", t / 3600, t / 60 % 60)
                    : String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60);
        }
    }
}
