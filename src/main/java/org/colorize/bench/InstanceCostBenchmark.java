package org.colorize.bench;

import com.google.gson.JsonObject;
import ij.IJ;
import ij.ImagePlus;
import ij.process.ByteProcessor;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.colorize.CommandLineArgs;
import org.colorize.detect.Box;
import org.colorize.detect.FixedBoxes;
import org.colorize.eval.MakeGray;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.image.SourceImage;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.Colorizers;
import org.colorize.pipeline.InstanceAwareColorizer;

/**
 * {@code colorize bench instances [--model M] [--image FILE] [--rounds N]}: the whole colorization
 * (L, crops, network, recombine; model loaded, boxes given) with k = 1, 4, 8 boxes as a multiple of
 * the same model without boxes, the bar 1 + 0.35·k beside it. The four cases run
 * interleaved, one of each per round, and each k's ratio is the median over rounds of its time over
 * that round's k = 0 time, so that the machine's drift (timings of these small graphs vary about 2×
 * between runs) falls on both sides of each ratio.
 */
public final class InstanceCostBenchmark {
    static final String USAGE = "usage: colorize bench instances [--model NAME|PATH] [--image FILE] [--rounds N]";
    /** The box counts timed besides k = 0. */
    public static final int[] INSTANCES = {1, 4, 8};
    private static final int WARMUP = 3;

    private InstanceCostBenchmark() {}

    /** The command line entry; 0 on success, 2 on bad usage, 1 when the model or image cannot be used. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String model;
        Path image;
        int rounds;
        try {
            CommandLineArgs a = CommandLineArgs.spec().values("model", "image", "rounds").noPositionals().parse(args);
            model = a.value("model", "instance-aware");
            image = Path.of(a.value("image", "corpus/eval/astronaut.png"));
            rounds = a.intValue("rounds", 21);
            if (rounds < 1) throw new IllegalArgumentException("--rounds must be positive");
        } catch (IllegalArgumentException e) {
            err.println("colorize bench instances: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (!Files.isRegularFile(image)) {
            err.println("colorize bench instances: no image " + image + " (the default comes with ./colorize corpus; or give --image)");
            return 1;
        }
        try (ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots())) {
            if (!(Colorizers.forModel(registry, model) instanceof InstanceAwareColorizer base)) {
                err.println("colorize bench instances: " + model + " is not an instance-aware model");
                return 1;
            }
            Costs costs = measure(base, ColorizeOptions.defaults().withModel(model), image, rounds);
            out.printf(Locale.ROOT, "%s, %s (%d×%d), whole colorization with given boxes, %d interleaved rounds after %d warm-up%n",
                    model, image.getFileName(), costs.width(), costs.height(), rounds, WARMUP);
            out.printf(Locale.ROOT, "%-4s %12s %12s %8s %8s%n", "k", "median (s)", "network (s)", "× k=0", "bar");
            for (int i = 0; i <= INSTANCES.length; i++) {
                int k = i == 0 ? 0 : INSTANCES[i - 1];
                out.printf(Locale.ROOT, "%-4d %12.4f %12.4f %8.2f %8s%n", k, costs.seconds()[i], costs.networkSeconds()[i],
                        i == 0 ? 1.0 : costs.ratios()[i - 1], i == 0 ? "" : String.format(Locale.ROOT, "%.2f", bar(k)));
            }
            return 0;
        } catch (Exception e) {
            err.println("colorize bench instances: " + e.getMessage());
            return 1;
        }
    }

    /** The bar on the cost of k instances: 1 + 0.35·k times the full-image time. */
    public static double bar(int k) {
        return 1 + 0.35 * k;
    }

    /**
     * Per case (k = 0, then {@link #INSTANCES}): median whole and network seconds; per k ≥ 1 the
     * median over rounds of the time over that round's k = 0 time.
     */
    public record Costs(int width, int height, int rounds, double[] seconds, double[] networkSeconds, double[] ratios) {
        /** The numbers as the card keeps them. */
        public JsonObject json(String imageName) {
            JsonObject o = new JsonObject();
            o.addProperty("seconds_k0", round4(seconds[0]));
            o.addProperty("network_seconds_k0", round4(networkSeconds[0]));
            for (int i = 0; i < INSTANCES.length; i++) {
                int k = INSTANCES[i];
                o.addProperty("seconds_k" + k, round4(seconds[i + 1]));
                o.addProperty("network_seconds_k" + k, round4(networkSeconds[i + 1]));
                o.addProperty("ratio_k" + k, Math.round(ratios[i] * 100) / 100.0);
                o.addProperty("bar_k" + k, Math.round(bar(k) * 100) / 100.0);
            }
            o.addProperty("image", imageName);
            o.addProperty("what", "whole colorization (L, crops, network, recombine) with given boxes; " + rounds
                    + " interleaved rounds of k = 0, 1, 4, 8 after a warm-up; ratio: median over rounds of the time over that"
                    + " round's k = 0 time (colorize bench instances)");
            return o;
        }

        private static double round4(double v) {
            return Math.round(v * 1e4) / 1e4;
        }
    }

    /** Times {@code base} on the gray version of {@code image} with 0, 1, 4 and 8 boxes tiling it (a quarter wide, half high). */
    public static Costs measure(InstanceAwareColorizer base, ColorizeOptions options, Path image, int rounds) throws Exception {
        ImagePlus imp = IJ.openImage(image.toString());
        if (imp == null) throw new IllegalArgumentException("cannot open " + image);
        int w = imp.getWidth();
        int h = imp.getHeight();
        ImagePlus gray = new ImagePlus("cost", new ByteProcessor(w, h, MakeGray.lightnessGray((int[]) imp.getProcessor().convertToRGB().getPixels())));
        SourceImage source = ImagePlusAdapter.toSource(gray);
        List<InstanceAwareColorizer> cases = new ArrayList<>();
        cases.add(base.withBoxes(null, 8));
        for (int k : INSTANCES) {
            List<Box> boxes = tiles(k, w, h);
            cases.add(base.withBoxes(FixedBoxes.of(boxes, k + " given boxes"), 8));
        }
        for (int r = 0; r < WARMUP; r++) for (InstanceAwareColorizer c : cases) c.colorize(source, options, ColorizeContext.defaults());
        double[][] whole = new double[cases.size()][rounds];
        double[][] network = new double[cases.size()][rounds];
        double[][] ratio = new double[INSTANCES.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < cases.size(); i++) {
                long s = System.nanoTime();
                ColorizeResult res = cases.get(i).colorize(source, options, ColorizeContext.defaults());
                whole[i][r] = (System.nanoTime() - s) / 1e9;
                network[i][r] = res.times().network();
            }
            for (int i = 0; i < INSTANCES.length; i++) ratio[i][r] = whole[i + 1][r] / whole[0][r];
        }
        double[] seconds = new double[cases.size()];
        double[] net = new double[cases.size()];
        for (int i = 0; i < cases.size(); i++) {
            seconds[i] = NetworkBenchmark.median(whole[i]);
            net[i] = NetworkBenchmark.median(network[i]);
        }
        double[] ratios = new double[INSTANCES.length];
        for (int i = 0; i < INSTANCES.length; i++) ratios[i] = NetworkBenchmark.median(ratio[i]);
        return new Costs(w, h, rounds, seconds, net, ratios);
    }

    /** k boxes a quarter of the image wide and half high, four to a row. */
    static List<Box> tiles(int k, int w, int h) {
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double x = (i % 4) * w / 4.0;
            double y = (i / 4) * h / 2.0;
            boxes.add(new Box(x, y, x + w / 4.0, y + h / 2.0, 1f, Box.NO_CLASS, "b" + i));
        }
        return boxes;
    }
}
