package org.colorize.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.colorize.ColorizeException;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageFolder;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ProgressListener;

/**
 * The UI-free core of Evaluate Colorization: pairs predictions with their ground truth, scores
 * every pair (PSNR, SSIM, ab-error AuC, colourfulness) and, on the same truth images, the
 * requested {@link Baseline}s; the result is one {@link EvaluationTable} with a row per image and
 * method and a mean row per method. Every front end (ImageJ plugin, SciJava command, command line)
 * calls {@link #evaluate(Path, Path, List, ColorizeOptions, ProgressListener)} or
 * {@link #evaluate(OpenImage, OpenImage, List, ColorizeOptions, ProgressListener)}.
 *
 * <p>Pairing: two files are one pair; two folders are matched by base name (file name without
 * extension: truth {@code a.jpg} ↔ prediction {@code a.png}, the name the colorize command line
 * gives its outputs). Files without a partner are left out and reported in
 * {@link Evaluation#unmatchedTruth()} / {@link Evaluation#unmatchedPred()} and as warnings. Without
 * predictions (null) every truth image is scored by the baselines only.
 *
 * <p>Images are read by {@code org.colorize.io.ImageDecoder} (open images are converted by the
 * front end): the truth must be an RGB color image (8-bit indexed color is read through its color
 * table); a prediction may be RGB or 8-bit gray (a gray prediction is the gray baseline). Sizes
 * must match exactly and be at least 7×7 (the SSIM window). RGB → CIE L*a*b* for the AuC by
 * {@code org.colorize.color.Lab.fromSrgb}.
 *
 * <p>Baselines: {@code gray} is the truth's own L with a = b = 0, each pixel the 8-bit gray
 * {@code round(255 · Lab.toSrgb(L, 0, 0))}. A model baseline colorizes the {@link MakeGray} version
 * of each truth image with the product's colorizer ({@link ModelBaseline}; options from the given
 * {@link ColorizeOptions}, its model replaced) and scores the result; all models are loaded before
 * the first image so a model problem fails at once. Method labels: {@value ImageScores#PRED},
 * {@value ImageScores#GRAY}, {@value ImageScores#MODEL_PREFIX}NAME with NAME the model's folder name.
 *
 * <p>One pair is in memory at a time. Any error (unreadable image, gray truth, size mismatch, a
 * model that fails) stops the evaluation with a {@link ColorizeException} naming the file.
 */
public final class Evaluator {
    private final ModelRegistry registry;
    private final ModelBaseline modelBaseline;
    private PredictionObserver observer;

    /** Sees every scored prediction with its truth (e.g. {@link DetectorAgreement}). */
    @FunctionalInterface
    public interface PredictionObserver {
        void observe(String image, String method, int[] pred, int[] truth, int width, int height) throws ColorizeException;
    }

    /** Shows every prediction this evaluator scores to {@code o} too (null: none); returns this. */
    /**
     * Scores every model baseline once per trial of {@code trials} (hints sampled from the truth,
     * {@link TruthHints}), each as its own method ({@code model:NAME+5pt}, {@code model:NAME+global});
     * a model without hint inputs gets the plain trial only. The default is the plain colorization only.
     */
    public Evaluator withHintTrials(List<TruthHints> trials) {
        if (trials == null || trials.isEmpty()) throw new IllegalArgumentException("no hint trials");
        this.hintTrials = List.copyOf(trials);
        return this;
    }

    public Evaluator observe(PredictionObserver o) {
        observer = o;
        return this;
    }

    private void scored(String image, String method, int[] pred, Truth t) throws ColorizeException {
        if (observer != null) observer.observe(image, method, pred, t.argb, t.width, t.height);
    }

    /**
     * @param registry  where model baselines are looked up and kept loaded
     * @param colorizer colorizes model baselines; null where none is needed (asking for a model
     *                  baseline then fails with a message)
     */
    /** An evaluator whose model baselines are colorized by the product's pipeline. */
    private List<TruthHints> hintTrials = List.of(TruthHints.NONE);

    public Evaluator(ModelRegistry registry) {
        this(registry, ModelBaseline.throughPipeline(registry));
    }

    public Evaluator(ModelRegistry registry, ModelBaseline.Colorizer colorizer) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.modelBaseline = new ModelBaseline(colorizer);
    }

    /**
     * An image already in memory, such as an open ImageJ image converted by the front end.
     *
     * @param name  the table row's name (a title without extension)
     * @param title names the image in messages
     */
    public record OpenImage(String name, String title, DecodedImage image) {
        public OpenImage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(image, "image");
        }
    }

    /**
     * The scores, and what was left out.
     *
     * @param table          a row per image and method, plus the means
     * @param unmatchedTruth truth files without a prediction (not in the table)
     * @param unmatchedPred  prediction files without a truth (not in the table)
     * @param warnings       what the user should read: unmatched files, colorizer warnings
     */
    public record Evaluation(EvaluationTable table, List<Path> unmatchedTruth, List<Path> unmatchedPred,
            List<String> warnings) {
        public Evaluation {
            unmatchedTruth = List.copyOf(unmatchedTruth);
            unmatchedPred = List.copyOf(unmatchedPred);
            warnings = List.copyOf(warnings);
        }
    }

    /** An image to be read when its pair comes up, and how messages name it. */
    private interface Source {
        DecodedImage open() throws ColorizeException;

        String describe();
    }

    private record FileSource(Path file, String role) implements Source {
        @Override
        public DecodedImage open() throws ColorizeException {
            return EvalImages.read(file, describe());
        }

        @Override
        public String describe() {
            return role + " " + file;
        }
    }

    private record InMemory(OpenImage image, String role) implements Source {
        @Override
        public DecodedImage open() {
            return image.image();
        }

        @Override
        public String describe() {
            return role + " '" + image.title() + "'";
        }
    }

    private record Pair(String name, Source truth, Source pred) {
    }

    /** A baseline, resolved: its method label and, for a model, the loaded model's folder (else null). */
    private record Method(String method, Path folder, int size, boolean hinted) {
        Method(String method, Path folder) {
            this(method, folder, 0, false);
        }
    }

    /** The hint trials of method {@code m}: all of them for a model with hint inputs, else the plain colorization only. */
    private List<TruthHints> trials(Method m) {
        return m.hinted() ? hintTrials : List.of(TruthHints.NONE);
    }

    /**
     * Evaluates files: {@code truth} and {@code pred} are two image files or two folders.
     *
     * @param pred      predictions, or null to score the baselines only
     * @param baselines baselines to score on the same truth images, in this order (may be empty)
     * @param colorize  options for model baselines (device, upsampling, temperature); the model is
     *                  replaced by each baseline's
     * @throws ColorizeException if nothing can be paired, an image cannot be read or compared, or a
     *                           model baseline fails; the message names the file
     */
    public Evaluation evaluate(Path truth, Path pred, List<Baseline> baselines, ColorizeOptions colorize,
            ProgressListener progress) throws ColorizeException {
        Objects.requireNonNull(truth, "truth");
        checkSomethingToScore(pred != null, baselines);
        if (!Files.exists(truth)) throw new ColorizeException("Truth " + truth + " does not exist.");
        if (pred != null && !Files.exists(pred)) throw new ColorizeException("Prediction " + pred + " does not exist.");
        List<Pair> pairs = new ArrayList<>();
        List<Path> unmatchedTruth = new ArrayList<>();
        List<Path> unmatchedPred = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (Files.isDirectory(truth)) {
            if (pred != null && !Files.isDirectory(pred)) {
                throw new ColorizeException("Truth " + truth + " is a folder but prediction " + pred
                        + " is a file; give two folders or two files.");
            }
            Map<String, Path> truths = ImageFolder.list(truth, "truth");
            Map<String, Path> preds = pred == null ? null : ImageFolder.list(pred, "prediction");
            for (Map.Entry<String, Path> t : truths.entrySet()) {
                Path p = preds == null ? null : preds.get(t.getKey());
                if (preds != null && p == null) {
                    unmatchedTruth.add(t.getValue());
                    continue;
                }
                pairs.add(new Pair(t.getKey(), new FileSource(t.getValue(), "Truth"),
                        p == null ? null : new FileSource(p, "Prediction")));
            }
            if (preds != null) {
                for (Map.Entry<String, Path> p : preds.entrySet()) {
                    if (!truths.containsKey(p.getKey())) unmatchedPred.add(p.getValue());
                }
            }
            if (pairs.isEmpty()) {
                throw new ColorizeException("No prediction in " + pred + " has the name of a truth image in " + truth
                        + " (images are matched by file name without extension). Truth: "
                        + ImageFolder.names(unmatchedTruth, 5) + "; predictions: " + ImageFolder.names(unmatchedPred, 5) + ".");
            }
            if (!unmatchedTruth.isEmpty()) {
                warnings.add(unmatchedTruth.size() + " truth image" + plural(unmatchedTruth.size()) + " in " + truth
                        + " ha" + (unmatchedTruth.size() == 1 ? "s" : "ve") + " no prediction in " + pred
                        + " and " + (unmatchedTruth.size() == 1 ? "is" : "are") + " left out: "
                        + ImageFolder.names(unmatchedTruth, 20));
            }
            if (!unmatchedPred.isEmpty()) {
                warnings.add(unmatchedPred.size() + " prediction" + plural(unmatchedPred.size()) + " in " + pred
                        + " ha" + (unmatchedPred.size() == 1 ? "s" : "ve") + " no truth image in " + truth
                        + " and " + (unmatchedPred.size() == 1 ? "is" : "are") + " left out: "
                        + ImageFolder.names(unmatchedPred, 20));
            }
        } else {
            if (pred != null && Files.isDirectory(pred)) {
                throw new ColorizeException("Truth " + truth + " is a file but prediction " + pred
                        + " is a folder; give two files or two folders.");
            }
            pairs.add(new Pair(ImageFolder.baseName(truth), new FileSource(truth, "Truth"),
                    pred == null ? null : new FileSource(pred, "Prediction")));
        }
        return run(pairs, baselines, colorize, progress, unmatchedTruth, unmatchedPred, warnings);
    }

    /**
     * Evaluates one open image pair; the row is named by the truth's title without extension.
     *
     * @param pred the prediction, or null to score the baselines only
     * @see #evaluate(Path, Path, List, ColorizeOptions, ProgressListener)
     */
    public Evaluation evaluate(OpenImage truth, OpenImage pred, List<Baseline> baselines, ColorizeOptions colorize,
            ProgressListener progress) throws ColorizeException {
        if (truth == null) throw new ColorizeException("No truth image given.");
        checkSomethingToScore(pred != null, baselines);
        Pair pair = new Pair(truth.name(), new InMemory(truth, "Truth"), pred == null ? null : new InMemory(pred, "Prediction"));
        return run(List.of(pair), baselines, colorize, progress, List.of(), List.of(), new ArrayList<>());
    }

    private static void checkSomethingToScore(boolean hasPred, List<Baseline> baselines) throws ColorizeException {
        if (!hasPred && (baselines == null || baselines.isEmpty())) {
            throw new ColorizeException("Nothing to evaluate: give predictions to compare with the truth, or a baseline"
                    + " (gray, or a model).");
        }
    }

    private Evaluation run(List<Pair> pairs, List<Baseline> baselines, ColorizeOptions colorize,
            ProgressListener progress, List<Path> unmatchedTruth, List<Path> unmatchedPred, List<String> warnings)
            throws ColorizeException {
        ColorizeOptions options = colorize == null ? ColorizeOptions.defaults() : colorize;
        List<Method> asked = resolve(baselines == null ? List.of() : baselines, options, progress);
        EvaluationTable table = new EvaluationTable();
        int n = pairs.size();
        int steps = 1 + (pairs.get(0).pred() != null ? 1 : 0);
        for (Method m : asked) steps += m.folder() == null ? 1 : trials(m).size();
        for (int i = 0; i < n; i++) {
            Pair pair = pairs.get(i);
            try {
                evaluatePair(pair, i, n, steps, asked, options, table, warnings, progress);
            } catch (OutOfMemoryError e) {
                throw new ColorizeException("Out of memory while evaluating " + pair.truth().describe()
                        + ". Give Java more memory (Edit > Options > Memory & Threads, or -Xmx).", e);
            }
        }
        progress.progress("done", 1);
        return new Evaluation(table, unmatchedTruth, unmatchedPred, warnings);
    }

    /** Scores one pair: the prediction (if any), then each baseline; rows go to {@code table}. */
    private void evaluatePair(Pair pair, int i, int n, int steps, List<Method> asked, ColorizeOptions options,
            EvaluationTable table, List<String> warnings, ProgressListener progress) throws ColorizeException {
        String prefix = "[" + (i + 1) + "/" + n + "] " + pair.name() + ": ";
        double base = (double) i / n;
        double step = 1.0 / (n * steps);
        progress.progress(prefix + "reading", base);
        DecodedImage truthImage = pair.truth().open();
        String truthName = pair.truth().describe();
        int[] truth = EvalImages.rgbPixels(truthImage, truthName, false);
        int w = truthImage.width();
        int h = truthImage.height();
        if (w < Ssim.UNIFORM_WINDOW || h < Ssim.UNIFORM_WINDOW) {
            throw new ColorizeException(truthName + " is " + w + "×" + h + " pixels; SSIM needs at least "
                    + Ssim.UNIFORM_WINDOW + "×" + Ssim.UNIFORM_WINDOW + ".");
        }
        Truth t = new Truth(truth, w, h);
        int done = 1;
        if (pair.pred() != null) {
            progress.progress(prefix + ImageScores.PRED, base + done * step);
            DecodedImage predImage = pair.pred().open();
            String predName = pair.pred().describe();
            if (predImage.width() != w || predImage.height() != h) {
                throw new ColorizeException(predName + " is " + predImage.width() + "×" + predImage.height()
                        + " pixels but " + truthName + " is " + w + "×" + h + "; prediction and truth must have the same size.");
            }
            int[] pred = EvalImages.rgbPixels(predImage, predName, true);
            table.add(t.score(pair.name(), ImageScores.PRED, pred));
            scored(pair.name(), ImageScores.PRED, pred, t);
            done++;
        }
        for (Method m : asked) {
            if (m.folder() == null) {
                progress.progress(prefix + ImageScores.GRAY, base + done * step);
                int[] gray = EvalImages.grayBaseline(t.l);
                table.add(t.score(pair.name(), ImageScores.GRAY, gray));
                scored(pair.name(), ImageScores.GRAY, gray, t);
            } else {
                for (TruthHints trial : trials(m)) {
                    double from = base + done * step;
                    String method = m.method() + trial.label();
                    progress.progress(prefix + method, from);
                    ColorizeOptions hinted = trial.equals(TruthHints.NONE) ? options
                            : options.withHints(trial.sample(pair.name(), t.argb, w, h, m.size()));
                    int[] colorized = modelBaseline.colorize(pair.name(), t.l, w, h, truthName, method, m.folder(), hinted,
                            (stage, f) -> progress.progress(prefix + method + ": " + stage, from + f * step), warnings);
                    table.add(t.score(pair.name(), method, colorized));
                    scored(pair.name(), method, colorized, t);
                    done++;
                }
                done--;
            }
            done++;
        }
    }

    /**
     * Resolves and loads every model baseline once, before any image is read; the gray baseline is
     * {@code (gray, null)}. Baselines that name the same method (gray twice, one model by name and
     * by path) are kept once.
     */
    private List<Method> resolve(List<Baseline> baselines, ColorizeOptions options, ProgressListener progress)
            throws ColorizeException {
        Map<String, Method> byMethod = new LinkedHashMap<>();
        for (Baseline b : baselines) {
            if (b.isGray()) {
                byMethod.putIfAbsent(ImageScores.GRAY, new Method(ImageScores.GRAY, null));
                continue;
            }
            Path folder = registry.resolve(b.model());
            String method = ImageScores.MODEL_PREFIX + folder.getFileName();
            Method other = byMethod.get(method);
            if (other != null) {
                if (other.folder().equals(folder)) continue;
                throw new ColorizeException("Baseline models " + other.folder() + " and " + folder + " have the same name '"
                        + folder.getFileName() + "'; give them different folder names so their rows can be told apart.");
            }
            progress.progress("loading model " + folder.getFileName(), 0);
            org.colorize.model.ModelCard card = registry.load(folder.toString(), options.device()).card();
            boolean hinted = card.main().signature().inputs().stream().anyMatch(in -> in.encoding().isHint());
            byMethod.put(method, new Method(method, folder, card.inputSize(), hinted));
        }
        return new ArrayList<>(byMethod.values());
    }

    /** One truth image with what every method's scoring needs from it, computed once. */
    private static final class Truth {
        final int[] argb;
        final int width;
        final int height;
        final float[] l;
        final float[] a;
        final float[] b;
        final double colorfulness;

        Truth(int[] argb, int width, int height) {
            this.argb = argb;
            this.width = width;
            this.height = height;
            int n = argb.length;
            l = new float[n];
            a = new float[n];
            b = new float[n];
            EvalImages.lab(argb, l, a, b);
            colorfulness = Colorfulness.of(argb);
        }

        ImageScores score(String name, String method, int[] pred) {
            float[] pa = new float[pred.length];
            float[] pb = new float[pred.length];
            EvalImages.lab(pred, null, pa, pb);
            double cf = Colorfulness.of(pred);
            return new ImageScores(name, Psnr.rgb(pred, argb), Ssim.rgb(pred, argb, width, height),
                    AbErrorAuc.auc(pa, pb, a, b), cf, colorfulness, Math.abs(cf - colorfulness), method);
        }
    }

    private static String plural(int n) {
        return n == 1 ? "" : "s";
    }
}
