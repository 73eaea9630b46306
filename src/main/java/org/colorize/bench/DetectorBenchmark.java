package org.colorize.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.detect.Detection;
import org.colorize.detect.Detector;
import org.colorize.detect.DetectorOptions;
import org.colorize.detect.GrayPlane;

/**
 * {@code colorize bench detector [--model DIR] [--repeats N]}: seconds per image of the COCO
 * detector through DJL on the CPU, end to end (letterbox, network, box decoding), for a 512² gray
 * image (the bar: ≤ 0.2 s), the same with the feature taps copied out, and a 12-MP photo (whose
 * resize to 512² is part of the time). Min and median over N runs after warm-up; table last.
 */
public final class DetectorBenchmark {
    /** The bar for one 512² image on the project's 2-core machine. */
    public static final double TARGET_SECONDS_512 = 0.2;
    private static final int WARMUP = 3;

    private final Path model;
    private final int repeats;
    private final PrintStream out;

    /** One measured case: end-to-end and network-only seconds per run. */
    public record Row(String what, double[] seconds, double[] networkSeconds) {
        double min() {
            return Arrays.stream(seconds).min().orElse(Double.NaN);
        }

        double median() {
            return DetectorBenchmark.median(seconds);
        }

        double networkMedian() {
            return DetectorBenchmark.median(networkSeconds);
        }
    }

    static final String USAGE = "usage: colorize bench detector [--model DIR] [--repeats N]";

    /** The command line entry ({@code colorize bench detector …}); 0 on success, 1 on failure, 2 on bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path model;
        int repeats;
        try {
            CommandLineArgs a = CommandLineArgs.spec().values("model", "repeats").noPositionals().parse(args);
            model = a.has("model") ? Path.of(a.value("model", null)) : installedDetector();
            repeats = a.intValue("repeats", 20);
            if (repeats < 1) throw new IllegalArgumentException("--repeats must be ≥ 1");
        } catch (IllegalArgumentException e) {
            err.println("colorize bench detector: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        try {
            DetectorBenchmark bench = new DetectorBenchmark(model, repeats, out);
            bench.printTable(bench.run());
            return 0;
        } catch (ColorizeException e) {
            err.println("colorize bench detector: " + e.getMessage());
            return 1;
        }
    }

    /** models/coco-centernet in the first of the {@code colorize.models} folders that has it, else under ./models. */
    private static Path installedDetector() {
        for (String root : System.getProperty("colorize.models", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(root.isBlank() ? "models" : root, "coco-centernet");
            if (java.nio.file.Files.isDirectory(candidate)) return candidate;
        }
        return Path.of("models", "coco-centernet");
    }

    public DetectorBenchmark(Path model, int repeats, PrintStream out) {
        this.model = model;
        this.repeats = repeats;
        this.out = out;
    }

    public List<Row> run() throws ColorizeException {
        out.printf(Locale.ROOT, "detector %s; %d cores; %d timed runs per case after %d warm-up runs%n", model,
                Runtime.getRuntime().availableProcessors(), repeats, WARMUP);
        List<Row> rows = new ArrayList<>();
        try (Detector detector = Detector.load(model)) {
            GrayPlane square = scene(512, 512);
            rows.add(measure(detector, "512² gray, boxes", square, false));
            rows.add(measure(detector, "512² gray, boxes + taps", square, true));
            rows.add(measure(detector, "12 MP (4000×3000) gray, boxes", scene(4000, 3000), false));
        }
        return rows;
    }

    private Row measure(Detector detector, String what, GrayPlane image, boolean taps) throws ColorizeException {
        DetectorOptions o = DetectorOptions.defaults();
        for (int i = 0; i < WARMUP; i++) detector.detect(image, o, taps);
        double[] total = new double[repeats];
        double[] network = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            Detection d = detector.detect(image, o, taps);
            total[i] = (System.nanoTime() - start) / 1e9;
            network[i] = d.networkSeconds();
        }
        out.printf(Locale.ROOT, "  %s: median %.3f s%n", what, median(total));
        return new Row(what, total, network);
    }

    public void printTable(List<Row> rows) {
        out.println();
        out.println("| image | min (s) | median (s) | network median (s) |");
        out.println("|---|---|---|---|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", r.what(), r.min(), r.median(), r.networkMedian());
        }
        Row first = rows.get(0);
        out.printf(Locale.ROOT, "512² median %.3f s / target %.1f s = %.2f  %s%n", first.median(), TARGET_SECONDS_512,
                first.median() / TARGET_SECONDS_512, first.median() <= TARGET_SECONDS_512 ? "(within target)" : "(OVER target)");
    }

    /** Smooth shapes plus noise in L*, so nothing about the input is degenerate; content does not change the time. */
    static GrayPlane scene(int width, int height) {
        Random random = new Random(1);
        float[] l = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double v = (double) y / height;
                double shape = 50 + 30 * Math.sin(9 * u) * Math.cos(7 * v) + 15 * Math.signum(Math.sin(23 * u * v));
                l[y * width + x] = (float) Math.max(0, Math.min(100, shape + 4 * random.nextGaussian()));
            }
        }
        return GrayPlane.ofLightness(width, height, l);
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
