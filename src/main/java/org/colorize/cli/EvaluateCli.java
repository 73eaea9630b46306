package org.colorize.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.colorize.detect.Detector;
import org.colorize.detect.DetectorOptions;
import org.colorize.eval.Baseline;
import org.colorize.eval.DetectorAgreement;
import org.colorize.eval.EvaluationTable;
import org.colorize.eval.Evaluator;
import org.colorize.eval.MakeGray;
import org.colorize.eval.TruthHints;
import org.colorize.model.ModelRegistry;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ProgressListener;

/**
 * {@code colorize evaluate}: scores predictions against their truth (table on stdout, CSV on
 * request) or, with {@code --make-gray}, writes the gray inputs of a color folder. Progress and
 * warnings go to stderr. Exit 0 on success, 1 on failure, 2 on bad usage.
 */
final class EvaluateCli {
    static final String USAGE = String.join("\n",
            "usage: colorize evaluate --truth DIR|FILE [--pred DIR|FILE] [--baseline gray|MODEL]...",
            "                         [--csv FILE [--overwrite]] [--device auto|cpu|gpu]",
            "                         [--upsample bilinear|guided] [--temperature T] [--vividness V]",
            "                         [--detector coco-centernet|DIR|none] [--hints 0,1,5,20,global]",
            "       colorize evaluate --make-gray --truth DIR|FILE -o OUTDIR",
            "",
            "Scores colorized images (--pred) against their color originals (--truth): PSNR and SSIM",
            "on RGB, AuC of the ab-error curve (thresholds 0-150), colorfulness of prediction and",
            "truth and their difference. Two folders are matched by file name without extension",
            "(truth/a.jpg <-> pred/a.png); files without a partner are listed on stderr and left out.",
            "The table (a row per image and method, a mean row per method) is printed on stdout and,",
            "with --csv, written as CSV with the columns",
            "  " + EvaluationTable.HEADER,
            "An existing CSV is replaced only with --overwrite.",
            "",
            "  --baseline gray   also score the truth's own lightness without color (ab = 0)",
            "  --baseline MODEL  also colorize the gray version of each truth image with MODEL (a name",
            "                    or a model folder) and score that; --device, --upsample and",
            "                    --temperature apply to it. Repeat --baseline or separate by commas.",
            "  --detector D      after the table, how well the COCO detector's boxes on each method's",
            "                    images agree with those on the truth (same class, IoU >= 0.5):",
            "                    precision, recall, class-set agreement; default coco-centernet when",
            "                    installed, none to skip.",
            "  --hints LIST      score each model baseline once per entry: N = N color hints taken from",
            "                    the truth (random points, fixed seed per image, the truth's mean color",
            "                    over the square a hint covers), global = the truth's own palette as",
            "                    the global hint; rows model:NAME+Npt, model:NAME+global (models with",
            "                    hint inputs). Default: the plain colorization only.",
            "  --make-gray       write OUTDIR/<name>.png for each truth image: its L channel as an",
            "                    8-bit gray input for any colorizer. Existing files are never replaced.",
            "",
            "Exit status: 0 done, 1 failed, 2 bad usage.");

    private static final String PROGRAM = "colorize evaluate";

    /** The parsed command line. */
    record Args(Path truth, Path pred, List<Baseline> baselines, Path csv, boolean overwrite,
            ColorizeOptions colorize, boolean makeGray, Path outputDir, String detector, List<TruthHints> hints) {
        Args(Path truth, Path pred, List<Baseline> baselines, Path csv, boolean overwrite, ColorizeOptions colorize,
                boolean makeGray, Path outputDir, String detector) {
            this(truth, pred, baselines, csv, overwrite, colorize, makeGray, outputDir, detector, List.of(TruthHints.NONE));
        }

        Args(Path truth, Path pred, List<Baseline> baselines, Path csv, boolean overwrite, ColorizeOptions colorize,
                boolean makeGray, Path outputDir) {
            this(truth, pred, baselines, csv, overwrite, colorize, makeGray, outputDir, DEFAULT_DETECTOR);
        }
    }

    /** The detector whose agreement between truth and colorization is reported ({@link DetectorAgreement}). */
    static final String DEFAULT_DETECTOR = "coco-centernet";

    private EvaluateCli() {
    }

    /** Runs {@code colorize evaluate ARGS} (the arguments after "evaluate"). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return 0;
            }
        }
        Args parsed;
        try {
            parsed = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        return parsed.makeGray() ? makeGray(parsed, err) : evaluate(parsed, out, err);
    }

    static Args parse(String[] args) {
        CommandLineArgs a = CommandLineArgs.spec()
                .values("truth", "pred", "csv", "output", "detector", "hints", ColorizeOptions.DEVICE, ColorizeOptions.UPSAMPLE,
                        ColorizeOptions.TEMPERATURE, ColorizeOptions.VIVIDNESS)
                .repeatable("baseline").alias("-o", "output").flags("overwrite", "make-gray")
                .noPositionals(" (give images with --truth and --pred)").parse(args);
        Path truth = path(a, "truth");
        Path pred = path(a, "pred");
        Path csv = path(a, "csv");
        Path outputDir = path(a, "output");
        boolean overwrite = a.flag("overwrite");
        boolean makeGray = a.flag("make-gray");
        String detector = a.value("detector", DEFAULT_DETECTOR);
        List<Baseline> baselines = new ArrayList<>();
        for (String list : a.all("baseline")) {
            for (Baseline b : Baseline.parseList(list)) if (!baselines.contains(b)) baselines.add(b);
        }
        Map<String, String> colorize = new LinkedHashMap<>();
        for (String k : List.of(ColorizeOptions.DEVICE, ColorizeOptions.UPSAMPLE, ColorizeOptions.TEMPERATURE,
                ColorizeOptions.VIVIDNESS)) {
            if (a.has(k)) colorize.put(k, a.value(k, null));
        }
        if (truth == null) throw new IllegalArgumentException("no ground truth given (--truth DIR|FILE)");
        if (makeGray) {
            if (outputDir == null) throw new IllegalArgumentException("--make-gray needs an output folder (-o OUTDIR)");
            if (pred != null || csv != null || !baselines.isEmpty() || !colorize.isEmpty()) {
                throw new IllegalArgumentException("--make-gray takes only --truth and -o");
            }
        } else {
            if (outputDir != null) throw new IllegalArgumentException("-o is for --make-gray; the evaluation writes --csv FILE");
            if (pred == null && baselines.isEmpty()) {
                throw new IllegalArgumentException("nothing to evaluate: give --pred (the colorized images) or --baseline");
            }
            if (overwrite && csv == null) throw new IllegalArgumentException("--overwrite applies to --csv FILE, which is missing");
        }
        List<TruthHints> hints = a.has("hints") ? TruthHints.parseList(a.value("hints", "")) : List.of(TruthHints.NONE);
        if (a.has("hints") && baselines.stream().allMatch(Baseline::isGray)) {
            throw new IllegalArgumentException("--hints applies to model baselines; give --baseline MODEL");
        }
        return new Args(truth, pred, List.copyOf(baselines), csv, overwrite, ColorizeOptions.fromMap(colorize), makeGray,
                outputDir, detector, hints);
    }

    private static Path path(CommandLineArgs a, String key) {
        return a.has(key) ? Paths.get(a.value(key, null)) : null;
    }

    private static int evaluate(Args args, PrintStream out, PrintStream err) {
        if (args.csv() != null && !args.overwrite() && Files.exists(args.csv())) {
            err.println(PROGRAM + ": CSV " + args.csv() + " already exists; it is left as it is (give --overwrite to replace it).");
            return 1;
        }
        try (ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots());
                Detector detector = detector(args.detector(), registry, err)) {
            DetectorAgreement agreement = detector == null ? null : new DetectorAgreement(detector, DetectorOptions.defaults());
            Evaluator.Evaluation result = new Evaluator(registry).withHintTrials(args.hints()).observe(agreement).evaluate(args.truth(), args.pred(),
                    args.baselines(), args.colorize(), progress(err));
            for (String w : result.warnings()) err.println(PROGRAM + ": warning: " + w);
            out.print(result.table().toText());
            if (agreement != null) {
                out.println();
                out.print(agreement.toText());
            }
            out.flush();
            if (args.csv() != null) {
                result.table().writeCsv(args.csv(), args.overwrite());
                err.println(PROGRAM + ": wrote " + args.csv());
            }
            return 0;
        } catch (ColorizeException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return 1;
        } catch (FileAlreadyExistsException e) {
            err.println(PROGRAM + ": CSV " + args.csv() + " appeared while evaluating; it is left as it is"
                    + " (give --overwrite to replace it).");
            return 1;
        } catch (IOException e) {
            err.println(PROGRAM + ": cannot write CSV " + args.csv() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The detector named by --detector (a folder, or a folder name in the model folders); null for none or when absent. */
    private static Detector detector(String name, ModelRegistry registry, PrintStream err) throws ColorizeException {
        if (name == null || name.equalsIgnoreCase("none")) return null;
        List<Path> candidates = new ArrayList<>();
        candidates.add(Paths.get(name));
        for (Path root : registry.roots()) candidates.add(root.resolve(name));
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("model.json")) && Files.isRegularFile(c.resolve("saved_model.pb"))) {
                return Detector.load(c);
            }
        }
        if (!DEFAULT_DETECTOR.equals(name)) throw new ColorizeException("No detector " + name + " (looked in " + candidates + ").");
        err.println(PROGRAM + ": note: no " + DEFAULT_DETECTOR + " detector in the model folders; detector agreement is not reported");
        return null;
    }

    private static int makeGray(Args args, PrintStream err) {
        try {
            MakeGray.Result result = MakeGray.run(args.truth(), args.outputDir(), progress(err));
            for (Path p : result.written()) err.println(PROGRAM + ": wrote " + p);
            for (String e : result.errors()) err.println(PROGRAM + ": error: " + e);
            int total = result.written().size() + result.errors().size();
            if (!result.errors().isEmpty()) {
                err.println(PROGRAM + ": " + result.errors().size() + " of " + total + " images failed.");
                return 1;
            }
            return 0;
        } catch (ColorizeException e) {
            err.println(PROGRAM + ": " + e.getMessage());
            return 1;
        }
    }

    private static ProgressListener progress(PrintStream err) {
        return (stage, f) -> err.printf(Locale.ROOT, "%s (%d%%)%n", stage, Math.round(f * 100));
    }
}
