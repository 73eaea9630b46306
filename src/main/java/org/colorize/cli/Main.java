package org.colorize.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.colorize.Colorize;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelRegistry;
import org.colorize.runtime.CancelFlag;
import org.colorize.runtime.CancelToken;

/**
 * {@code colorize}: the command line front end ({@code colorize evaluate}: {@link EvaluateCli}).
 * Exit 0 on success, 1 on a failed image, 2 on bad usage, 130 when stopped by Ctrl-C (the image
 * being colorized is not written).
 */
public final class Main {
    private Main() {
    }

    /** How long Ctrl-C waits for the running image to stop before the JVM exits anyway. */
    private static final long CANCEL_GRACE_SECONDS = 30;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        LogLevels.apply(Arrays.asList(args).contains(LogLevels.VERBOSE));
        CancelFlag cancel = new CancelFlag();
        CountDownLatch finished = new CountDownLatch(1);
        // On SIGINT the JVM runs its shutdown hooks and then exits with status 130. The hook
        // cancels the work and holds the exit until the batch has stopped, so a file being
        // written is either complete or never appears.
        Thread hook = new Thread(() -> {
            cancel.cancel();
            try {
                finished.await(CANCEL_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "colorize-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        int code;
        try {
            code = run(args, System.out, System.err, cancel);
        } finally {
            finished.countDown();
        }
        System.exit(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, CancelToken.NEVER);
    }

    static int run(String[] args, PrintStream out, PrintStream err, CancelToken cancel) {
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
        if (args[0].equals("diverse")) return DiverseCli.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args[0].equals("evaluate")) return EvaluateCli.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args[0].equals("corpus")) return org.colorize.train.corpus.CorpusCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
        if (args[0].equals("convert-detector")) return org.colorize.detect.ConvertDetectorCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
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
            return new BatchColorizer(registry, err, cancel).run(parsed);
        }
    }

    private static int listModels(PrintStream out) {
        ModelRegistry registry = new ModelRegistry(ModelRegistry.standardRoots());
        var models = registry.list();
        var others = registry.otherModels();
        if (models.isEmpty()) {
            out.println("No colorization models installed. Looked in: " + registry.roots());
            if (!others.isEmpty()) out.println("other models: " + ModelRegistry.describe(others));
            return 1;
        }
        for (ModelEntry e : models) {
            out.println((e.card().isDefault() ? "* " : "  ") + e.card().summary() + "\n    " + e.folder());
        }
        // Parts such as the detector are not colorization models; named so they are not mistaken as missing.
        if (!others.isEmpty()) out.println("other models: " + ModelRegistry.describe(others));
        out.println("Inference: " + org.colorize.runtime.TensorFlowRuntime.describe());
        return 0;
    }
}
