package org.colorize.train.corpus;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Every option of {@code colorize corpus}, with its default.
 *
 * @param out       the corpus folder (git-ignored {@code corpus/} by default)
 * @param maxSide   longer side of the written images (sources are only ever reduced)
 * @param packages  the training packages to use, in registry order (default: all)
 * @param threads   images decoded and reduced in parallel
 * @param force     re-process packages even when their staged results are up to date
 */
public record CorpusOptions(Path out, int maxSide, List<SourcePackage> packages, int threads, boolean force) {

    public static final int DEFAULT_MAX_SIDE = 1024;

    public static final String USAGE = String.join("\n",
            "usage: colorize corpus [--out DIR] [--max-side N] [--packages A,B,...] [--threads N] [--force]",
            "",
            "Assembles the training photos from Debian packages (apt-get download + dpkg-deb -x):",
            "DIR/scenes, DIR/cutouts (RGBA), DIR/surfaces as PNG with the longer side <= N (default "
                    + DEFAULT_MAX_SIDE + "),",
            "DIR/manifest.tsv (source package, version, original path, license, size, sha256, kind),",
            "and the public evaluation images in DIR/eval (never part of the training set).",
            "Re-running only processes packages whose version, rules or options changed.",
            "  --out DIR        corpus folder (default: corpus)",
            "  --max-side N     longer side of the written images, >= 128 (default " + DEFAULT_MAX_SIDE + ")",
            "  --packages LIST  comma-separated subset of: " + names(),
            "  --threads N      images processed in parallel (default: min(4, cores))",
            "  --force          process every package again");

    public static CorpusOptions parse(String[] args) {
        Path out = Paths.get("corpus");
        int maxSide = DEFAULT_MAX_SIDE;
        List<SourcePackage> packages = CorpusSources.TRAINING;
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String key = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            switch (key) {
                case "--out", "-o" -> out = Paths.get(inline != null ? inline : value(args, ++i, key));
                case "--max-side" -> {
                    maxSide = integer(key, inline != null ? inline : value(args, ++i, key));
                    if (maxSide < PhotoFilter.MIN_SIDE) throw new IllegalArgumentException("--max-side must be at least " + PhotoFilter.MIN_SIDE);
                }
                case "--threads" -> {
                    threads = integer(key, inline != null ? inline : value(args, ++i, key));
                    if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
                }
                case "--packages" -> packages = packages(inline != null ? inline : value(args, ++i, key));
                case "--force" -> force = true;
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new CorpusOptions(out, maxSide, packages, threads, force);
    }

    private static List<SourcePackage> packages(String list) {
        List<String> wanted = new ArrayList<>();
        for (String s : list.split(",")) if (!s.isBlank()) wanted.add(s.trim());
        if (wanted.isEmpty()) throw new IllegalArgumentException("--packages needs at least one package name");
        for (String w : wanted) {
            if (CorpusSources.TRAINING.stream().noneMatch(p -> p.name().equals(w))) {
                throw new IllegalArgumentException("--packages: unknown package '" + w + "'; known: " + names());
            }
        }
        return CorpusSources.TRAINING.stream().filter(p -> wanted.contains(p.name())).toList();
    }

    private static String names() {
        return String.join(",", CorpusSources.TRAINING.stream().map(SourcePackage::name).toList());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }

    private static int integer(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + v + "'");
        }
    }
}
