package org.colorize.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.imglib2.img.array.ArrayImgs;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;
import org.colorize.image.SourceImage;
import org.colorize.image.Upsampling;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.DiverseColorizer;
import org.colorize.pipeline.DiverseOptions;
import org.colorize.pipeline.DiverseResult;
import org.colorize.runtime.DeviceChoice;

/**
 * {@code colorize bench diverse [--method gan|vae] [-n 8] [--width 1000] [--height 1000] [--repeats 5]}:
 * wall time of N samples of a 1-MP gray image through the product's diverse colorizer (model
 * loaded and warmed up once; every sample upsampled and recombined at full resolution, plus the
 * uncertainty map), with the stage times of each run; the bar is 8 samples in ≤ 3 s.
 */
public final class DiverseBenchmark {
    private DiverseBenchmark() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLineArgs a;
        try {
            a = CommandLineArgs.spec().values("method", "samples", "width", "height", "repeats", "model").alias("-n", "samples")
                    .flags("record").noPositionals().parse(args);
        } catch (IllegalArgumentException e) {
            err.println("colorize bench diverse: " + e.getMessage()
                    + "\nusage: colorize bench diverse [--method gan|vae] [-n 8] [--width 1000] [--height 1000] [--repeats 5]");
            return 2;
        }
        List<String> methods = a.has("method") ? List.of(a.value("method", "gan")) : List.of("gan", "vae");
        int n = a.intValue("samples", 8);
        int w = a.intValue("width", 1000);
        int h = a.intValue("height", 1000);
        int repeats = a.intValue("repeats", 5);
        byte[] gray = scene(w, h);
        out.printf(Locale.ROOT, "diverse colorization: %d samples of a %d×%d gray image (%.2f MP), %d runs after a warm-up, %d cores%n",
                n, w, h, w * (double) h / 1e6, repeats, Runtime.getRuntime().availableProcessors());
        out.printf(Locale.ROOT, "%-14s %8s %8s %8s   %s%n", "model", "min s", "median s", "max s", "stages of the last run (prepare / network / recombine+map)");
        try (ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots())) {
            for (String method : methods) {
                String model = a.value("model", DiverseOptions.defaultModel(method));
                DiverseOptions o = new DiverseOptions(new ColorizeOptions(model, DeviceChoice.AUTO, Upsampling.BILINEAR, Double.NaN),
                        n, 1, false);
                DiverseColorizer c = new DiverseColorizer(registry);
                SourceImage source = SourceImage.of(ArrayImgs.unsignedBytes(gray, w, h), "bench");
                c.sample(source, o, ColorizeContext.defaults());
                double[] t = new double[repeats];
                List<DiverseResult> results = new ArrayList<>();
                for (int i = 0; i < repeats; i++) {
                    long t0 = System.nanoTime();
                    results.add(c.sample(source, o, ColorizeContext.defaults()));
                    t[i] = (System.nanoTime() - t0) / 1e9;
                    if (results.size() > 1) results.remove(0);
                }
                double[] sorted = t.clone();
                Arrays.sort(sorted);
                DiverseResult last = results.get(results.size() - 1);
                out.printf(Locale.ROOT, "%-14s %8.3f %8.3f %8.3f   %.3f / %.3f / %.3f%n", model, sorted[0],
                        sorted[repeats / 2], sorted[repeats - 1], last.times().prepare(), last.times().network(),
                        last.times().recombine());
                if (a.flag("record")) record(registry, model, n, w, h, sorted, last, out);
            }
            return 0;
        } catch (ColorizeException e) {
            err.println("colorize bench diverse: " + e.getMessage());
            return 1;
        }
    }

    /** Writes the timing into the model's card ({@code metrics.speed}). */
    private static void record(ModelRegistry registry, String model, int n, int w, int h, double[] sorted, DiverseResult last,
            PrintStream out) throws ColorizeException {
        java.nio.file.Path folder = registry.resolve(model);
        org.colorize.model.ModelCard card = org.colorize.model.ModelCards.read(folder);
        com.google.gson.JsonObject metrics = card.json().has("metrics") ? card.json().getAsJsonObject("metrics").deepCopy()
                : new com.google.gson.JsonObject();
        com.google.gson.JsonObject speed = new com.google.gson.JsonObject();
        speed.addProperty("command", "colorize bench diverse --model " + card.name() + " -n " + n + " --record");
        speed.addProperty("what", n + " samples of a " + w + "×" + h + " gray image, full resolution with the uncertainty map,"
                + " model loaded and warmed up");
        speed.addProperty("cores", Runtime.getRuntime().availableProcessors());
        speed.addProperty("min_s", Math.round(sorted[0] * 1000) / 1000.0);
        speed.addProperty("median_s", Math.round(sorted[sorted.length / 2] * 1000) / 1000.0);
        speed.addProperty("network_s_last", Math.round(last.times().network() * 1000) / 1000.0);
        speed.addProperty("date", java.time.Instant.now().toString());
        metrics.add("speed", speed);
        try {
            org.colorize.model.ModelCards.write(org.colorize.model.ModelCards.builder(card).metrics(metrics).build(), folder);
        } catch (java.io.IOException e) {
            throw new ColorizeException("Cannot write the card of " + model + ": " + e.getMessage(), e);
        }
        out.println("recorded in " + folder.resolve(org.colorize.model.ModelCard.FILE_NAME));
    }

    /** A smooth synthetic scene with edges (gradients and discs), 8-bit. */
    static byte[] scene(int w, int h) {
        byte[] g = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 60 + 80 * Math.sin(x * 0.01) * Math.cos(y * 0.013) + 0.05 * y;
                double dx = x - w * 0.6;
                double dy = y - h * 0.4;
                if (dx * dx + dy * dy < (0.15 * w) * (0.15 * w)) v += 70;
                g[y * w + x] = (byte) Math.max(0, Math.min(255, (int) Math.round(v + 40)));
            }
        }
        return g;
    }
}
