package org.colorize.cli;

import java.io.PrintStream;
import org.colorize.bench.PipelineBenchmark;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeException;

/**
 * {@code colorize bench [--model M] [--repeats N]} (pipeline) and {@code colorize bench train [--steps N]
 * [--batch B]} (training and network speed): the benchmarks, printing their table last.
 */
final class Benchmarks {
    private Benchmarks() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("train")) return train(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
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
}
