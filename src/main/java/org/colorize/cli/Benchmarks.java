package org.colorize.cli;

import java.io.PrintStream;
import org.colorize.bench.PipelineBenchmark;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeException;

/** {@code colorize bench [--model M] [--repeats N]}: the benchmarks, printing their table last. */
final class Benchmarks {
    private Benchmarks() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
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
}
