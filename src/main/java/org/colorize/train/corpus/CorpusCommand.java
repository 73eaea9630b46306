package org.colorize.train.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/** {@code colorize corpus ...}: builds the training corpus; progress on stderr, the summary table on stdout. */
public final class CorpusCommand {
    private CorpusCommand() {
    }

    /** Exit status: 0 done, 1 a package or the build failed, 2 bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CorpusOptions options;
        try {
            if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
                out.println(CorpusOptions.USAGE);
                return 0;
            }
            options = CorpusOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("colorize corpus: " + e.getMessage());
            err.println(CorpusOptions.USAGE);
            return 2;
        }
        return run(options, new AptPackageFetcher(), out, err);
    }

    static int run(CorpusOptions options, PackageFetcher fetcher, PrintStream out, PrintStream err) {
        CorpusBuilder.Summary s;
        try {
            s = new CorpusBuilder(options, fetcher, err).build();
        } catch (IOException e) {
            err.println("colorize corpus: " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "%-28s %-22s %7s %7s %8s%n", "package", "version", "scenes", "cutouts", "surfaces");
        var perPackage = CorpusBuilder.perPackageKinds(s.kept());
        int[] total = new int[3];
        for (CorpusBuilder.PackageReport r : s.packages()) {
            int[] k = perPackage.getOrDefault(r.name(), new int[3]);
            for (int j = 0; j < 3; j++) total[j] += k[j];
            String status = r.status().equals("processed") || r.status().equals("cached") ? "" : "  " + r.status();
            out.printf(Locale.ROOT, "%-28s %-22s %7d %7d %8d%s%n", r.name(), r.version(), k[0], k[1], k[2], status);
        }
        out.printf(Locale.ROOT, "%-28s %-22s %7d %7d %8d%n", "total", "", total[0], total[1], total[2]);
        int eval = s.evaluation().stream().mapToInt(r -> r.candidates().size()).sum();
        out.printf(Locale.ROOT, "evaluation images: %d in %s; excluded from training as evaluation: %d; duplicates dropped: %d%n",
                eval, options.out().resolve("eval"), s.excluded().size(), s.duplicates().size());
        out.printf(Locale.ROOT, "%d images, %.1f MB, in %.0f s; manifest %s, details in %s%n", s.kept().size() + eval,
                s.bytes() / 1e6, s.seconds(), options.out().resolve("manifest.tsv"), options.out().resolve("REPORT.txt"));
        if (s.anyFailed()) {
            err.println("colorize corpus: some packages failed (see above); the corpus holds the others");
            return 1;
        }
        return 0;
    }
}
