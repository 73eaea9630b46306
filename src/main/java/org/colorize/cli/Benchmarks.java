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

/**
 * {@code colorize bench [--model M] [--repeats N]}: the pipeline benchmark;
 * {@code colorize bench network [--out DIR] [--sizes 256,512] [--repeats N] [--seed S] [--matmul N]}: the
 * full-width network against a large matmul (and the files bench/siggraph17_torch.py compares with);
 * {@code colorize bench train [--steps N] [--batch B]}: training images/s and inference time.
 * Each prints its table last.
 */
final class Benchmarks {
    private Benchmarks() {
    }

    static final String NETWORK_USAGE =
            "usage: colorize bench network [--out DIR] [--sizes 256,512] [--repeats N] [--seed S] [--matmul N]";

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("train")) return train(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args.length > 0 && args[0].equals("network")) {
            return network(Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        String model = "";
        int repeats = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> model = args[++i];
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                default -> {
                    err.println("colorize bench: unknown option " + args[i] + "\nusage: colorize bench [--model NAME|PATH] [--repeats N]");
                    return 2;
                }
            }
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
        int steps = 5;
        int batch = 16;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--steps" -> steps = Integer.parseInt(args[++i]);
                    case "--batch" -> batch = Integer.parseInt(args[++i]);
                    default -> {
                        err.println("colorize bench train: unknown option " + args[i] + "\n" + usage);
                        return 2;
                    }
                }
            }
        } catch (RuntimeException e) {
            err.println("colorize bench train: bad value (" + e.getMessage() + ")\n" + usage);
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

    private static int network(String[] args, PrintStream out, PrintStream err) {
        NetworkBenchmark.Options o;
        try {
            Path dir = null;
            NetworkBenchmark.Options d = NetworkBenchmark.Options.defaults(Path.of("."));
            int[] sizes = d.sizes();
            int repeats = d.repeats();
            long seed = d.seed();
            int matmul = d.matmulSize();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a);
                String v = args[++i];
                switch (a) {
                    case "--out" -> dir = Path.of(v);
                    case "--sizes" -> sizes = Arrays.stream(v.split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
                    case "--repeats" -> repeats = Integer.parseInt(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--matmul" -> matmul = Integer.parseInt(v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
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
