package org.colorize.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.colorize.bench.NetworkBenchmark;
import org.colorize.bench.PipelineBenchmark;
import org.colorize.model.ModelRegistry;
import org.colorize.ColorizeException;
import org.colorize.CommandLineArgs;

/**
 * {@code colorize bench [--model M] [--repeats N]}: the pipeline benchmark;
 * {@code colorize bench network [--out DIR] [--sizes 256,512] [--repeats N] [--seed S] [--matmul N]}: the
 * full-width network against a large matmul (and the files bench/siggraph17_torch.py compares with);
 * {@code colorize bench train [--steps N] [--batch B]}: training images/s and inference time;
 * {@code colorize bench fusion [--width W] [--size S]}: the instance-aware graph against the plain net;
 * {@code colorize bench instances [--model M] [--image F] [--rounds N]}: instance-aware colorization with k boxes against none.
 * Each prints its table last.
 */
final class Benchmarks {
    private Benchmarks() {
    }

    static final String NETWORK_USAGE =
            "usage: colorize bench network [--out DIR] [--sizes 256,512] [--repeats N] [--seed S] [--matmul N]";

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("train")) return train(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && args[0].equals("diverse")) return org.colorize.bench.DiverseBenchmark.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && args[0].equals("fusion")) return org.colorize.bench.FusionBenchmark.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && args[0].equals("instances")) return org.colorize.bench.InstanceCostBenchmark.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && args[0].equals("detector")) return org.colorize.bench.DetectorBenchmark.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && args[0].equals("network")) {
            return network(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        String model;
        int repeats;
        try {
            CommandLineArgs a = CommandLineArgs.spec().values("model", "repeats").noPositionals().parse(args);
            model = a.value("model", "");
            repeats = a.intValue("repeats", 3);
        } catch (IllegalArgumentException e) {
            err.println("colorize bench: " + e.getMessage() + "\nusage: colorize bench [--model NAME|PATH] [--repeats N]");
            return 2;
        }
        try (ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots())) {
            PipelineBenchmark bench = new PipelineBenchmark(registry, model, repeats, out);
            bench.printTable(bench.run());
            return 0;
        } catch (ColorizeException e) {
            err.println("colorize bench: " + e.getMessage());
            return 1;
        }
    }

    static int train(String[] args, PrintStream out, PrintStream err) {
        String usage = "usage: colorize bench train [--steps N] [--batch B]";
        int steps;
        int batch;
        try {
            CommandLineArgs a = CommandLineArgs.spec().values("steps", "batch").noPositionals().parse(args);
            steps = a.intValue("steps", 5);
            batch = a.intValue("batch", 16);
        } catch (IllegalArgumentException e) {
            err.println("colorize bench train: " + e.getMessage() + "\n" + usage);
            return 2;
        }
        if (steps < 1 || batch < 1) {
            err.println("colorize bench train: --steps and --batch must be >= 1\n" + usage);
            return 2;
        }
        try (ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots())) {
            org.colorize.bench.TrainingBenchmark bench = new org.colorize.bench.TrainingBenchmark(out, steps, batch);
            bench.printTable(bench.run(registry));
            return 0;
        } catch (ColorizeException e) {
            err.println("colorize bench train: " + e.getMessage());
            return 1;
        }
    }

    private static int[] sizes(String list) {
        try {
            return Arrays.stream(list.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--sizes must be whole numbers separated by commas, was '" + list + "'");
        }
    }

    private static int network(String[] args, PrintStream out, PrintStream err) {
        NetworkBenchmark.Options o;
        try {
            NetworkBenchmark.Options d = NetworkBenchmark.Options.defaults(Path.of("."));
            CommandLineArgs a = CommandLineArgs.spec().values("out", "sizes", "repeats", "seed", "matmul").noPositionals().parse(args);
            Path dir = a.has("out") ? Path.of(a.value("out", null)) : null;
            int[] sizes = a.has("sizes") ? sizes(a.value("sizes", null)) : d.sizes();
            int repeats = a.intValue("repeats", d.repeats());
            long seed = a.longValue("seed", d.seed());
            int matmul = a.intValue("matmul", d.matmulSize());
            if (dir == null) dir = Files.createTempDirectory("colorize-bench-network");
            o = new NetworkBenchmark.Options(dir, sizes, d.warmup(), repeats, seed, matmul);
        } catch (IllegalArgumentException | IOException e) {
            err.println("colorize bench network: " + e.getMessage() + "\n" + NETWORK_USAGE);
            return 2;
        }
        try {
            NetworkBenchmark bench = new NetworkBenchmark(o, out);
            bench.printTable(bench.run(), out);
            return 0;
        } catch (ColorizeException | IOException | RuntimeException e) {
            err.println("colorize bench network: " + e);
            return 1;
        }
    }
}
