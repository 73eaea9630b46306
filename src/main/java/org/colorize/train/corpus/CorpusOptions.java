package org.colorize.train.corpus;

import org.colorize.CommandLineArgs;
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
        CommandLineArgs a = CommandLineArgs.spec().values("out", "max-side", "threads", "packages").alias("-o", "out")
                .flags("force").noPositionals().parse(args);
        Path out = Paths.get(a.value("out", "corpus"));
        int maxSide = a.intValue("max-side", DEFAULT_MAX_SIDE);
        if (maxSide < PhotoFilter.MIN_SIDE) throw new IllegalArgumentException("--max-side must be at least " + PhotoFilter.MIN_SIDE);
        int threads = a.intValue("threads", Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
        List<SourcePackage> packages = a.has("packages") ? packages(a.value("packages", null)) : CorpusSources.TRAINING;
        return new CorpusOptions(out, maxSide, packages, threads, a.flag("force"));
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
}
