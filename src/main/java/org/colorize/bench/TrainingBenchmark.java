package org.colorize.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.colorize.color.AbGamut;
import org.colorize.model.ColorizationModel;
import org.colorize.runtime.DeviceChoice;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelRegistry;
import org.colorize.ColorizeException;
import org.colorize.nn.SavedModelExport;
import org.colorize.train.Batch;
import org.colorize.train.BatchMaker;
import org.colorize.train.BatchTargets;
import org.colorize.train.Head;
import org.colorize.train.RgbImage;
import org.colorize.train.TrainingGraph;
import org.colorize.train.TrainingRecipe;

/**
 * {@code colorize bench train}: how fast this machine trains and runs the SIGGRAPH17 U-Net.
 * <ul>
 *   <li>Training images/second (regression head, Adam, batch norm in training mode) at 64² and 128²
 *       for widths 0.25 and 0.5, after warm-up steps; inter-op threads 1 against 2 at one size.</li>
 *   <li>The data pipeline (crop, resample, Lab, soft encoding) on one thread, for both heads.</li>
 *   <li>Inference at 256² through {@link ColorizationModel}, as the colorization pipeline runs it: the
 *       installed default model (if any) and width 1.0 (the published SIGGRAPH17 widths) with random
 *       weights exported to a temporary SavedModel.</li>
 * </ul>
 * The table is printed last.
 */
public final class TrainingBenchmark {
    private final PrintStream out;
    private final int steps;
    private final int batch;

    /** A result row. */
    public record Row(String what, String config, double value, String unit) {
    }

    public TrainingBenchmark(PrintStream out, int steps, int batch) {
        this.out = out;
        this.steps = steps;
        this.batch = batch;
    }

    public List<Row> run(ModelRegistry registry) throws ColorizeException {
        List<Row> rows = new ArrayList<>();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(Locale.ROOT, "%d cores; TF_ENABLE_ONEDNN_OPTS=%s; %d timed steps of batch %d after 2 warm-up steps%n", cores,
                System.getenv().getOrDefault("TF_ENABLE_ONEDNN_OPTS", "(unset)"), steps, batch);
        List<RgbImage> images = syntheticImages(24, 384, 288, 5);
        for (Head head : Head.values()) {
            rows.add(dataPipeline(images, 128, head));
        }
        for (int size : new int[] {64, 128}) {
            for (double width : new double[] {0.25, 0.5}) {
                rows.add(training(images, size, width, Head.REGRESSION, 1));
            }
        }
        rows.addAll(interOp(images, 64, 0.25));
        rows.addAll(interOp(images, 128, 0.25));
        rows.add(training(images, 128, 0.25, Head.CLASSES, 1));
        try {
            ModelEntry def = registry.defaultModel();
            rows.add(inference(def.folder(), "default model " + def.name() + " (" + def.card().architecture() + ")"));
        } catch (ColorizeException e) {
            out.println("no default model installed: " + e.getMessage());
        }
        for (double width : new double[] {1.0, 0.5, 0.25}) {
            rows.add(randomInference(width));
        }
        return rows;
    }

    /** The targets a recipe's batches carry, with equal rebalancing weights (the timing does not depend on them). */
    private static BatchTargets timingTargets(TrainingRecipe recipe) {
        if (!recipe.outputEncoding().isDistribution()) return BatchTargets.AB_ONLY;
        float[] rebalancing = new float[AbGamut.zhang().size()];
        Arrays.fill(rebalancing, 1f);
        return BatchTargets.softBins(rebalancing);
    }

    private Row dataPipeline(List<RgbImage> images, int size, Head head) {
        BatchMaker maker = new BatchMaker(images, size, batch, timingTargets(head.recipe(0.25)), 1);
        maker.make(0);
        int n = 4;
        long t0 = System.nanoTime();
        for (int i = 1; i <= n; i++) maker.make(i);
        double ips = n * batch / ((System.nanoTime() - t0) / 1e9);
        Row r = new Row("data pipeline, 1 thread", size + "², " + head.key() + " targets", ips, "img/s");
        out.printf(Locale.ROOT, "  %s %s: %.0f img/s%n", r.what(), r.config(), ips);
        return r;
    }

    private Row training(List<RgbImage> images, int size, double width, Head head, int interOp) {
        TrainingRecipe recipe = head.recipe(width);
        BatchMaker maker = new BatchMaker(images, size, batch, timingTargets(recipe), 1);
        int cores = Runtime.getRuntime().availableProcessors();
        try (TrainingGraph g = new TrainingGraph(recipe, new TrainingGraph.Settings(3e-4, 1, cores, interOp))) {
            List<Batch> batches = new ArrayList<>();
            for (int i = 0; i < steps + 2; i++) batches.add(maker.make(i));
            g.train(batches.get(0), 3e-4);
            g.train(batches.get(1), 3e-4);
            double[] t = new double[steps];
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                g.train(batches.get(i + 2), 3e-4);
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
            double seconds = median(t) * steps;
            double ips = steps * batch / seconds;
            Row r = new Row("training", String.format(Locale.ROOT, "%d², width %s, %s, %,d params, inter-op %d", size,
                    width, head.key(), g.parameterCount(), interOp), ips, "img/s");
            out.printf(Locale.ROOT, "  training %s: %.2f img/s (%.2f s/step)%n", r.config(), ips, seconds / steps);
            return r;
        }
    }

    /**
     * Inter-op threads 1 against 2: two sessions on the same network, stepped alternately so a
     * busy machine slows both alike; median step times.
     */
    private List<Row> interOp(List<RgbImage> images, int size, double width) {
        BatchMaker maker = new BatchMaker(images, size, batch, BatchTargets.AB_ONLY, 1);
        int cores = Runtime.getRuntime().availableProcessors();
        int n = Math.max(3, steps);
        try (TrainingGraph one = new TrainingGraph(Head.REGRESSION.recipe(width), new TrainingGraph.Settings(3e-4, 1, cores, 1));
                TrainingGraph two = new TrainingGraph(Head.REGRESSION.recipe(width), new TrainingGraph.Settings(3e-4, 1, cores, 2))) {
            List<Batch> batches = new ArrayList<>();
            for (int i = 0; i < n + 2; i++) batches.add(maker.make(i));
            for (int i = 0; i < 2; i++) {
                one.train(batches.get(i), 3e-4);
                two.train(batches.get(i), 3e-4);
            }
            double[] t1 = new double[n];
            double[] t2 = new double[n];
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                one.train(batches.get(i + 2), 3e-4);
                long t01 = System.nanoTime();
                two.train(batches.get(i + 2), 3e-4);
                t1[i] = (t01 - t0) / 1e9;
                t2[i] = (System.nanoTime() - t01) / 1e9;
            }
            List<Row> rows = new ArrayList<>();
            for (int k = 1; k <= 2; k++) {
                double ips = batch / median(k == 1 ? t1 : t2);
                rows.add(new Row("training, inter-op " + k + " (alternating)", String.format(Locale.ROOT, "%d², width %s,"
                        + " regression", size, width), ips, "img/s"));
                out.printf(Locale.ROOT, "  training %d², width %s, inter-op %d (alternating with %d): %.2f img/s%n", size, width,
                        k, 3 - k, ips);
            }
            return rows;
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }

    private Row inference(Path folder, String label) throws ColorizeException {
        try (ColorizationModel m = ColorizationModel.load(folder, DeviceChoice.AUTO)) {
            int size = 256;
            float[] l = new float[size * size];
            Random r = new Random(1);
            for (int i = 0; i < l.length; i++) l[i] = 20 + 60 * r.nextFloat();
            m.predictAb(l, size, m.card().temperature());
            m.predictAb(l, size, m.card().temperature());
            double[] t = new double[5];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                m.predictAb(l, size, m.card().temperature());
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
            Arrays.sort(t);
            Row row = new Row("inference 256² (ColorizationModel)", label, t[t.length / 2], "s");
            out.printf(Locale.ROOT, "  inference 256² %s: %.3f s (median of 5)%n", label, row.value());
            return row;
        }
    }

    private Row randomInference(double width) throws ColorizeException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("colorize-bench-");
            Path model = dir.resolve("random");
            long params;
            try (TrainingGraph g = new TrainingGraph(Head.REGRESSION.recipe(width), new TrainingGraph.Settings(3e-4, 1, 1, 1))) {
                params = g.parameterCount();
                g.exportInference(model);
            }
            ModelCards.write(ModelCards.builder("random")
                    .component(ModelCard.FULL_IMAGE, c -> c.architecture("siggraph17-unet")
                            .input(SavedModelExport.INPUT, InputEncoding.L, 256).output(SavedModelExport.OUTPUT_AB, OutputEncoding.AB))
                    .build(), model);
            return inference(model, String.format(Locale.ROOT, "width %s, random weights, %,d params", width, params));
        } catch (IOException e) {
            throw new ColorizeException("Cannot write a temporary model: " + e.getMessage(), e);
        } finally {
            if (dir != null) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // temporary folder left behind
                }
            }
        }
    }

    public void printTable(List<Row> rows) {
        out.println();
        out.println("| measurement | configuration | result |");
        out.println("|---|---|---|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %s | %s | %s %s |%n", r.what(), r.config(),
                    r.unit().equals("s") ? String.format(Locale.ROOT, "%.3f", r.value()) : String.format(Locale.ROOT, "%.2f", r.value()),
                    r.unit());
        }
    }

    /** Smooth random color scenes (content does not change the timing). */
    static List<RgbImage> syntheticImages(int n, int w, int h, long seed) {
        Random r = new Random(seed);
        List<RgbImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] rgb = new byte[3 * w * h];
            double[] f = new double[9];
            for (int k = 0; k < f.length; k++) f[k] = 1 + 4 * r.nextDouble();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = 3 * (y * w + x);
                    for (int c = 0; c < 3; c++) {
                        double v = 0.5 + 0.25 * Math.sin(f[3 * c] * x / w * 6.28 + f[3 * c + 1])
                                + 0.2 * Math.cos(f[3 * c + 2] * y / h * 6.28) + 0.05 * r.nextGaussian();
                        rgb[p + c] = (byte) Math.max(0, Math.min(255, (int) (255 * v)));
                    }
                }
            }
            out.add(new RgbImage(w, h, rgb));
        }
        return out;
    }
}
