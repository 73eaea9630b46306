package org.colorize.cli;

import java.io.PrintStream;
import java.util.Arrays;
import org.colorize.Colorize;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelRegistry;

/**
 * {@code colorize}: the command line front end ({@code colorize evaluate}: {@link EvaluateCli}).
 * Exit 0 on success, 1 on a failed image, 2 on bad usage.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = run(args, System.out, System.err);
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(CliArguments.USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("--version")) {
            out.println(Colorize.NAME + " " + Colorize.VERSION);
            return 0;
        }
        if (args[0].equals("models")) return listModels(out);
        if (args[0].equals("bench")) return Benchmarks.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args[0].equals("train")) return TrainCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args[0].equals("import")) return ImportCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args[0].equals("evaluate")) return EvaluateCli.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args[0].equals("corpus")) return org.colorize.train.corpus.CorpusCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        String[] rest = args[0].equals("run") ? Arrays.copyOfRange(args, 1, args.length) : args;
        CliArguments parsed;
        try {
            parsed = CliArguments.parse(rest);
        } catch (IllegalArgumentException e) {
            err.println("colorize: " + e.getMessage());
            err.println(CliArguments.USAGE);
            return 2;
        }
        try (ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots())) {
            return new BatchColorizer(registry, err).run(parsed);
        }
    }

    private static int listModels(PrintStream out) {
        ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots());
        var models = registry.list();
        if (models.isEmpty()) {
            out.println("No models installed. Looked in: " + registry.roots());
            return 1;
        }
        for (ModelEntry e : models) {
            out.println((e.card().isDefault() ? "* " : "  ") + e.card().summary() + "\n    " + e.folder());
        }
        return 0;
    }
}
