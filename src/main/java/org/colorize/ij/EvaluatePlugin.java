package org.colorize.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.gui.GenericDialog;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.io.InputImages;
import org.colorize.eval.Baseline;
import org.colorize.eval.EvaluateOptions;
import org.colorize.eval.EvaluationTable;
import org.colorize.eval.Evaluator;
import org.colorize.eval.ImageScores;
import org.colorize.model.ModelEntry;
import org.colorize.runtime.TensorFlowRuntime;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ColorizeOptions;

/**
 * Plugins > Colorize > Evaluate Colorization...: scores a prediction against its ground truth (two
 * open images, two files, or two folders matched by name) and, on request, the gray and model
 * baselines; the scores go to a ResultsTable titled {@value #RESULTS_TITLE} (a row per image and
 * method, a mean row per method) and, when a CSV path is given, to that file.
 *
 * <p>Macro keys ({@link EvaluateOptions}): {@code truth=} and {@code pred=} (the title of an open
 * image, an image file or a folder), {@code baseline=} (comma list: {@code gray} and/or model names
 * or folders), {@code csv=}, {@code overwrite}, and {@code device=}, {@code upsample=},
 * {@code temperature=} for model baselines; {@code compare=images|files} says how to read truth and
 * pred (without it an open image of that title wins over a file of that name). In a macro the
 * options are parsed directly, unknown keys are warned about in the Log, and bad values stop the
 * macro with a message naming the key. {@link #evaluate(String)} is the entry for
 * {@code call(...)} in a headless JVM.
 */
public class EvaluatePlugin implements PlugIn {
    static final String TITLE = "Evaluate Colorization";
    static final String RESULTS_TITLE = "Colorization evaluation";
    /** How truth= and pred= are read; only the ImageJ front end has open images. */
    static final String COMPARE = "compare";
    static final String IMAGES = "images";
    static final String FILES = "files";

    private static String lastPred = "";
    private static String lastTruth = "";
    private static String lastCsv = "";
    private static String lastBaseline = Baseline.GRAY_NAME;

    /** How to read truth= and pred=. */
    enum Compare { AUTO, IMAGES, FILES }

    /** Everything one run needs: the options and how to read truth and pred. */
    record Request(EvaluateOptions options, Compare compare) {
    }

    @Override
    public void run(String arg) {
        String macro = Macro.getOptions();
        Request request;
        try {
            request = macro != null ? fromMacro(macro) : fromDialog();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage(), macro != null);
            return;
        }
        if (request == null) return; // dialog canceled
        try {
            show(evaluate(request).table());
        } catch (ColorizeException e) {
            fail(e.getMessage(), macro != null);
        }
    }

    /** Every key of the macro options. */
    static List<String> knownKeys() {
        List<String> known = new ArrayList<>(EvaluateOptions.KEYS);
        known.add(COMPARE);
        return known;
    }

    /** Parses macro options; unknown keys are warned about in the Log, bad values throw naming the key. */
    static Request fromMacro(String macro) {
        Map<String, String> values = MacroOptions.parse(macro);
        List<String> known = knownKeys();
        for (String k : MacroOptions.unknownKeys(values, known)) {
            IJ.log(TITLE + ": unknown option '" + k + "' ignored (known: " + String.join(", ", known) + ").");
        }
        Compare compare = parseCompare(values.get(COMPARE));
        values.keySet().retainAll(EvaluateOptions.KEYS);
        return new Request(EvaluateOptions.fromMap(values), compare);
    }

    static Compare parseCompare(String value) {
        if (value == null || value.isBlank()) return Compare.AUTO;
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals(IMAGES) || v.equals("open images")) return Compare.IMAGES;
        if (v.equals(FILES) || v.equals("folders") || v.equals("files or folders")) return Compare.FILES;
        throw new IllegalArgumentException(COMPARE + " must be " + IMAGES + " or " + FILES + ", was '" + value + "'");
    }

    /**
     * Runs the core: resolves truth and pred (open images or paths), evaluates with ImageJ progress
     * and the plugin's class loader as context loader, logs the warnings, writes the CSV if asked.
     */
    static Evaluator.Evaluation evaluate(Request request) throws ColorizeException {
        EvaluateOptions o = request.options();
        if (o.csv() != null && !o.overwrite() && Files.exists(o.csv())) {
            throw new ColorizeException("CSV " + o.csv() + " already exists; it is left as it is (choose another file,"
                    + " or allow overwriting).");
        }
        Object truth = resolve(EvaluateOptions.TRUTH, o.truth(), request.compare());
        Object pred = o.pred() == null ? null : resolve(EvaluateOptions.PRED, o.pred(), request.compare());
        Evaluator.Evaluation result;
        try {
            result = TensorFlowRuntime.withContextLoader(() -> {
                Evaluator evaluator = new Evaluator(ImageJHost.registry());
                org.colorize.pipeline.ProgressListener progress = (stage, f) -> {
                    IJ.showStatus(TITLE + ": " + stage);
                    IJ.showProgress(f);
                };
                if (truth instanceof ImagePlus || pred instanceof ImagePlus) {
                    ImagePlus predImage = asImage(EvaluateOptions.PRED, pred);
                    return evaluator.evaluate(EvalImagesIJ.open(asImage(EvaluateOptions.TRUTH, truth)),
                            predImage == null ? null : EvalImagesIJ.open(predImage), o.baselines(), o.colorize(), progress);
                }
                return evaluator.evaluate((Path) truth, (Path) pred, o.baselines(), o.colorize(), progress);
            });
        } finally {
            IJ.showProgress(1.0);
        }
        for (String w : result.warnings()) IJ.log(TITLE + ": " + w);
        if (o.csv() != null) {
            try {
                result.table().writeCsv(o.csv(), o.overwrite());
            } catch (FileAlreadyExistsException e) {
                throw new ColorizeException("CSV " + o.csv() + " appeared while evaluating; it is left as it is.", e);
            } catch (IOException e) {
                throw new ColorizeException("Cannot write CSV " + o.csv() + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** An open image (by title) or a path, as {@code compare} says. */
    private static Object resolve(String key, String value, Compare compare) throws ColorizeException {
        if (compare != Compare.FILES) {
            ImagePlus imp = WindowManager.getImage(value);
            if (imp != null) return imp;
            if (compare == Compare.IMAGES) {
                throw new ColorizeException(key + "=" + value + ": no open image has this title.");
            }
        }
        Path path = Paths.get(value);
        if (!Files.exists(path)) {
            throw new ColorizeException(key + "=" + value + " is neither an open image nor an existing file or folder.");
        }
        return path;
    }

    /** An open image as is, an image file opened; a folder cannot be paired with an open image. */
    private static ImagePlus asImage(String key, Object source) throws ColorizeException {
        if (source == null || source instanceof ImagePlus) return (ImagePlus) source;
        Path path = (Path) source;
        if (Files.isDirectory(path)) {
            throw new ColorizeException(key + "=" + path + " is a folder, but the other side is an open image;"
                    + " compare two images or two folders.");
        }
        try {
            return InputImages.open(path);
        } catch (ColorizeException e) {
            throw new ColorizeException(key + "=" + path + ": " + e.getMessage(), e);
        }
    }

    /** A ResultsTable of the rows and the mean rows, columns named as in the CSV. */
    static ResultsTable toResultsTable(EvaluationTable table) {
        ResultsTable rt = new ResultsTable();
        rt.setPrecision(4);
        List<ImageScores> all = new ArrayList<>(table.rows());
        all.addAll(table.means());
        for (ImageScores s : all) {
            rt.incrementCounter();
            rt.addValue("image", s.name());
            rt.addValue("method", s.method());
            rt.addValue("psnr", s.psnr());
            rt.addValue("ssim", s.ssim());
            rt.addValue("auc", s.auc());
            rt.addValue("cf_pred", s.colorfulnessPred());
            rt.addValue("cf_truth", s.colorfulnessTruth());
            rt.addValue("delta_cf", s.deltaColorfulness());
        }
        return rt;
    }

    private static void show(EvaluationTable table) {
        if (GraphicsEnvironment.isHeadless()) {
            IJ.log(RESULTS_TITLE + "\n" + table.toText());
        } else {
            toResultsTable(table).show(RESULTS_TITLE);
        }
    }

    private static Request fromDialog() {
        int[] ids = WindowManager.getIDList();
        Compare compare = Compare.FILES;
        if (ids != null && ids.length > 0) {
            GenericDialog first = new GenericDialog(TITLE);
            first.addChoice(EvaluateOptions.label(COMPARE), new String[] {IMAGES, FILES}, ids.length >= 2 ? IMAGES : FILES);
            first.addMessage("images: a colorized image and its color original, both open\n"
                    + "files: two image files, or two folders matched by file name");
            first.showDialog();
            if (first.wasCanceled()) return null;
            compare = first.getNextChoice().equals(IMAGES) ? Compare.IMAGES : Compare.FILES;
        }
        GenericDialog gd = new GenericDialog(TITLE);
        String[] titles = null;
        if (compare == Compare.IMAGES) {
            titles = WindowManager.getImageTitles();
            ImagePlus current = WindowManager.getCurrentImage();
            String predDefault = current != null ? current.getTitle() : titles[0];
            String truthDefault = titles.length > 1 && titles[0].equals(predDefault) ? titles[1] : titles[0];
            gd.addChoice("Pred (colorized)", titles, predDefault);
            gd.addChoice("Truth (color)", titles, truthDefault);
        } else {
            gd.addDirectoryField("Pred (colorized)", lastPred);
            gd.addDirectoryField("Truth (color)", lastTruth);
            gd.addMessage("Give two image files or two folders (matched by file name without extension).\n"
                    + "Pred may be left empty to score baselines only.");
        }
        String[] baselines = baselineChoices();
        gd.addChoice(EvaluateOptions.label(EvaluateOptions.BASELINE), baselines,
                List.of(baselines).contains(lastBaseline) ? lastBaseline : Baseline.GRAY_NAME);
        gd.addFileField("CSV (optional)", lastCsv);
        gd.addCheckbox("Overwrite existing CSV", false);
        gd.addMessage("gray: the truth's lightness without color (ab = 0).\n"
                + "A model baseline colorizes the gray version of each truth image with that model.");
        gd.showDialog();
        if (gd.wasCanceled()) return null;
        String pred = compare == Compare.IMAGES ? gd.getNextChoice() : gd.getNextString();
        String truth = compare == Compare.IMAGES ? gd.getNextChoice() : gd.getNextString();
        String baseline = gd.getNextChoice();
        String csv = gd.getNextString();
        boolean overwrite = gd.getNextBoolean();
        if (compare == Compare.FILES) {
            lastPred = pred;
            lastTruth = truth;
        }
        lastBaseline = baseline;
        lastCsv = csv;
        return new Request(new EvaluateOptions(truth, pred, Baseline.parseList(baseline),
                csv.isBlank() ? null : Paths.get(csv.trim()), overwrite, ColorizeOptions.defaults()), compare);
    }

    /** none, gray, then for each installed model "gray,NAME" and "NAME". */
    private static String[] baselineChoices() {
        List<String> items = new ArrayList<>(List.of("none", Baseline.GRAY_NAME));
        for (ModelEntry e : ImageJHost.registry().list()) {
            items.add(Baseline.GRAY_NAME + "," + e.name());
            items.add(e.name());
        }
        return items.toArray(new String[0]);
    }

    private static void fail(String message, boolean macro) {
        Failures.report(TITLE, message, macro);
    }

    /**
     * Entry for {@code call("org.colorize.ij.EvaluatePlugin.evaluate", "truth=/t pred=/p csv=/s.csv baseline=gray")},
     * usable in a headless JVM: same keys as the macro options; the table goes to the Log (and to
     * the ResultsTable {@value #RESULTS_TITLE} when ImageJ has a display).
     *
     * @return the CSV path when one was written, else "ok: N rows"; "error: message" on failure
     */
    public static String evaluate(String options) {
        try {
            Request request = fromMacro(options);
            Evaluator.Evaluation result = evaluate(request);
            show(result.table());
            Path csv = request.options().csv();
            return csv != null ? csv.toString() : "ok: " + result.table().rows().size() + " rows";
        } catch (ColorizeException | IllegalArgumentException e) {
            IJ.log(TITLE + " error: " + e.getMessage());
            return "error: " + e.getMessage();
        }
    }
}
