package org.colorize.train.corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.colorize.color.RgbRaster;
import org.colorize.files.AtomicFiles;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;
import org.colorize.io.RasterPng;
import org.colorize.train.corpus.PackageFetcher.FetchException;

/**
 * Builds the corpus folder:
 * <pre>
 * DIR/.debs/                  downloaded packages (kept; a re-run downloads nothing new)
 * DIR/.work/PKG/              per package: state.properties, candidates.tsv, rejects.tsv, img/*.png
 * DIR/scenes/PKG/*.png        the training set (hard links into .work), RGB
 * DIR/cutouts/PKG/*.png       RGBA, cropped to the visible object
 * DIR/surfaces/PKG/*.png      textures
 * DIR/manifest.tsv            one row per training image, then '#' summary lines
 * DIR/eval/*.png, manifest.tsv  the public evaluation images, full size
 * DIR/REPORT.txt              what was refused, excluded and de-duplicated, and why
 * </pre>
 * A package is staged once per (version, rules, options); staging downloads it, unpacks it into
 * {@code .work/PKG/extract} (deleted afterwards), filters, reduces and writes the candidates.
 * Assembly (evaluation exclusion, de-duplication, links, manifests) is redone on every run.
 */
public final class CorpusBuilder {
    /** Bump when staging changes in a way that should redo every package. */
    static final String STAGE_FORMAT = "4 filter=" + PhotoFilter.MIN_SIDE + "/" + PhotoFilter.MIN_MEAN_CHROMA + "/"
            + PhotoFilter.MIN_CHROMA_SPREAD + "/" + PhotoFilter.MIN_COLOR_FRACTION + "/" + PhotoFilter.CUTOUT_TRANSPARENT + "/"
            + PhotoFilter.MAX_CUTOUT_FLAT;

    private static final String ZSTD = "zstd (no decoder)";
    private static final String SYMLINK = "symlink (alias)";

    private final CorpusOptions options;
    private final PackageFetcher fetcher;
    private final PrintStream log;
    private final Path out;
    private final Path debs;
    private final Path work;

    /** What happened to one package. */
    public record PackageReport(String name, String version, String status, int considered,
            Map<String, Integer> refused, int zstdSkipped, List<Candidate> candidates, String note, double seconds) {
    }

    /** The outcome of a run. */
    public record Summary(List<PackageReport> packages, List<PackageReport> evaluation, List<Candidate> kept,
            List<String[]> excluded, List<Deduplicator.Dropped> duplicates, long bytes, double seconds) {
        public boolean anyFailed() {
            return Stream.concat(packages.stream(), evaluation.stream()).anyMatch(p -> p.status().startsWith("failed"));
        }
    }

    public CorpusBuilder(CorpusOptions options, PackageFetcher fetcher, PrintStream log) {
        this.options = options;
        this.fetcher = fetcher;
        this.log = log;
        this.out = options.out().toAbsolutePath().normalize();
        this.debs = out.resolve(".debs");
        this.work = out.resolve(".work");
    }

    public Summary build() throws IOException {
        long t0 = System.nanoTime();
        fetcher.checkTools();
        Files.createDirectories(debs);
        Files.createDirectories(work);
        log.println("corpus: building in " + out + " (max side " + options.maxSide() + ", " + options.threads() + " threads)");

        List<PackageReport> evalReports = new ArrayList<>();
        int n = CorpusSources.EVALUATION.size() + options.packages().size();
        int i = 0;
        for (SourcePackage p : CorpusSources.EVALUATION) evalReports.add(stage(p, true, ++i, n));
        List<PackageReport> reports = new ArrayList<>();
        for (SourcePackage p : options.packages()) reports.add(stage(p, false, ++i, n));

        log.println("corpus: assembling (evaluation exclusion, de-duplication, manifest)");
        List<Candidate> evalImages = new ArrayList<>();
        for (PackageReport r : evalReports) evalImages.addAll(r.candidates());
        EvaluationSet evalSet = new EvaluationSet(evalImages.stream()
                .map(c -> new EvaluationSet.EvalImage(CorpusSources.stem(c.originalPath()), c.pixelSha256(), c.phash())).toList());
        List<String> missingEval = new ArrayList<>(new java.util.TreeSet<>(CorpusSources.EVALUATION_NAMES));
        missingEval.removeAll(evalSet.images().stream().map(EvaluationSet.EvalImage::name).toList());
        if (!missingEval.isEmpty()) log.println("corpus: WARNING: evaluation images not found: " + missingEval + " (still excluded by name)");

        List<Candidate> pool = new ArrayList<>();
        List<String[]> excluded = new ArrayList<>();
        for (PackageReport r : reports) {
            for (Candidate c : r.candidates()) {
                String why = evalSet.match(c);
                if (why == null) pool.add(c);
                else excluded.add(new String[] {c.pkg(), c.originalPath(), why});
            }
        }
        Map<String, Integer> order = new HashMap<>();
        for (int k = 0; k < CorpusSources.TRAINING.size(); k++) order.put(CorpusSources.TRAINING.get(k).name(), k);
        Deduplicator.Result dedup = Deduplicator.dedupe(pool, name -> order.getOrDefault(name, Integer.MAX_VALUE),
                PerceptualHash.NEAR_DUPLICATE_BITS);
        List<Candidate> kept = new ArrayList<>(dedup.kept());
        kept.sort(Comparator.comparing(Candidate::relativePath));

        long bytes = place(kept, evalImages);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Summary summary = new Summary(reports, evalReports, kept, excluded, dedup.dropped(), bytes, seconds);
        writeManifest(summary);
        writeEvalManifest(evalImages);
        writeReport(summary, missingEval);
        return summary;
    }

    // ---------------------------------------------------------------- staging

    private PackageReport stage(SourcePackage source, boolean evaluation, int index, int total) {
        long t0 = System.nanoTime();
        String name = source.name();
        String prefix = "[" + index + "/" + total + "] " + name + (evaluation ? " (evaluation)" : "");
        Path dir = work.resolve(name);
        String fingerprint = STAGE_FORMAT + " | " + source.fingerprint() + " | maxSide=" + (evaluation ? "full" : options.maxSide());
        String version;
        try {
            version = fetcher.candidateVersion(name);
        } catch (FetchException e) {
            log.println(prefix + ": " + e.getMessage());
            version = null;
        }
        Properties state = readState(dir);
        boolean upToDate = state != null && fingerprint.equals(state.getProperty("fingerprint"))
                && "true".equals(state.getProperty("complete"))
                && (version == null || version.equals(state.getProperty("version")));
        if (upToDate && !options.force()) {
            try {
                List<Candidate> candidates = readCandidates(dir);
                boolean filesThere = candidates.stream().allMatch(c -> Files.isRegularFile(dir.resolve("img").resolve(c.name())));
                if (filesThere) {
                    Map<String, Integer> refused = readRefusedCounts(dir);
                    int considered = Integer.parseInt(state.getProperty("considered", "0"));
                    int zstd = Integer.parseInt(state.getProperty("zstdSkipped", "0"));
                    int symlinks = Integer.parseInt(state.getProperty("symlinks", "0"));
                    if (zstd > 0) refused.merge(ZSTD, zstd, Integer::sum);
                    if (symlinks > 0) refused.merge(SYMLINK, symlinks, Integer::sum);
                    log.println(prefix + " " + state.getProperty("version") + ": up to date (" + candidates.size() + " staged)");
                    return new PackageReport(name, state.getProperty("version"), "cached", considered, refused, zstd,
                            candidates, source.note(), 0);
                }
            } catch (IOException | RuntimeException e) {
                log.println(prefix + ": staged results unreadable (" + e.getMessage() + "), processing again");
            }
        }
        try {
            if (version == null) {
                log.println(prefix + ": apt has no candidate for it (not in this Debian release, or run apt-get update);"
                        + " looking for a cached .deb");
            }
            log.println(prefix + (version == null ? "" : " " + version) + ": fetching");
            Path deb = fetcher.download(name, version, debs);
            String debVersion = fetcher.debVersion(deb);
            Path extract = dir.resolve("extract");
            AtomicFiles.deleteTree(extract);
            AtomicFiles.deleteTree(dir.resolve("img"));
            Files.deleteIfExists(dir.resolve("state.properties"));
            Files.createDirectories(dir.resolve("img"));
            log.println(prefix + " " + debVersion + ": unpacking " + deb.getFileName());
            fetcher.extract(deb, extract);
            DebianCopyright copyright = readCopyright(extract, name);
            Map<String, Integer> rotations = KPhotoAlbumIndex.rotations(extract);
            Staging staging = new Staging(source, debVersion, dir.resolve("img"), copyright, rotations, evaluation, prefix);
            PackageScanner.Counts counts = staging.run(extract);
            AtomicFiles.deleteTree(extract);
            List<Candidate> candidates = staging.candidates();
            writeCandidates(dir, candidates);
            writeRejects(dir, staging.rejects());
            Properties p = new Properties();
            p.setProperty("version", debVersion);
            p.setProperty("fingerprint", fingerprint);
            p.setProperty("considered", Integer.toString(staging.considered()));
            p.setProperty("zstdSkipped", Integer.toString(counts.zstdSkipped));
            p.setProperty("symlinks", Integer.toString(counts.symlinks));
            p.setProperty("complete", "true");
            writeState(dir, p);
            Map<String, Integer> refused = refusedCounts(staging.rejects());
            if (counts.zstdSkipped > 0) refused.merge(ZSTD, counts.zstdSkipped, Integer::sum);
            if (counts.symlinks > 0) refused.merge(SYMLINK, counts.symlinks, Integer::sum);
            for (String err : counts.bundleErrors) log.println(prefix + ": bundle not readable: " + err);
            double seconds = (System.nanoTime() - t0) / 1e9;
            log.printf(Locale.ROOT, "%s %s: %d files -> %d staged %s; refused %s [%.1f s]%n", prefix, debVersion,
                    staging.considered(), candidates.size(), kindCounts(candidates), refused.isEmpty() ? "none" : refused, seconds);
            return new PackageReport(name, debVersion, "processed", staging.considered(), refused, counts.zstdSkipped,
                    candidates, source.note(), seconds);
        } catch (FetchException e) {
            removeQuietly(dir.resolve("extract"));
            log.println(prefix + ": FAILED: " + e.getMessage());
            String status = version == null ? "skipped: not available from apt here" : "failed: " + e.getMessage();
            return new PackageReport(name, version == null ? "-" : version, status, 0, Map.of(), 0, List.of(), source.note(),
                    (System.nanoTime() - t0) / 1e9);
        } catch (IOException | RuntimeException e) {
            removeQuietly(dir.resolve("extract"));
            log.println(prefix + ": FAILED: " + e);
            return new PackageReport(name, version == null ? "-" : version, "failed: " + e, 0, Map.of(), 0, List.of(),
                    source.note(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static DebianCopyright readCopyright(Path extract, String pkg) throws IOException {
        Path f = extract.resolve("usr/share/doc/" + pkg + "/copyright");
        if (!Files.isRegularFile(f)) return null;
        return DebianCopyright.parse(Files.readString(f, StandardCharsets.UTF_8));
    }

    /** Filters, reduces and writes the included files of one unpacked package, in parallel. */
    private final class Staging {
        private final SourcePackage source;
        private final String version;
        private final Path img;
        private final DebianCopyright copyright;
        private final Map<String, Integer> rotations;
        private final boolean evaluation;
        private final String prefix;
        private final List<Candidate> candidates = Collections.synchronizedList(new ArrayList<>());
        private final List<String[]> rejects = Collections.synchronizedList(new ArrayList<>());
        private final AtomicInteger considered = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();

        Staging(SourcePackage source, String version, Path img, DebianCopyright copyright, Map<String, Integer> rotations,
                boolean evaluation, String prefix) {
            this.source = source;
            this.version = version;
            this.img = img;
            this.copyright = copyright;
            this.rotations = rotations;
            this.evaluation = evaluation;
            this.prefix = prefix;
        }

        PackageScanner.Counts run(Path root) throws IOException {
            int threads = options.threads();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(2 * threads), new ThreadPoolExecutor.CallerRunsPolicy());
            List<Future<?>> futures = Collections.synchronizedList(new ArrayList<>());
            long[] lastLog = {System.nanoTime()};
            PackageScanner.Counts counts;
            try {
                counts = PackageScanner.scan(root, source, (logical, kind, bytes) -> {
                    considered.incrementAndGet();
                    futures.add(pool.submit(() -> {
                        process(logical, kind, bytes);
                        done.incrementAndGet();
                        return null;
                    }));
                    long now = System.nanoTime();
                    if (now - lastLog[0] > 5_000_000_000L) {
                        lastLog[0] = now;
                        log.println(prefix + ": " + done.get() + " files done, " + candidates.size() + " staged");
                    }
                });
            } finally {
                pool.shutdown();
            }
            try {
                if (!pool.awaitTermination(6, TimeUnit.HOURS)) throw new IOException("image processing did not finish");
                for (Future<?> f : futures) f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IOException("image processing failed: " + e.getCause(), e.getCause());
            }
            candidates.sort(Comparator.comparing(Candidate::name));
            rejects.sort(Comparator.comparing(r -> r[0]));
            return counts;
        }

        private void process(String logical, Kind ruleKind, byte[] bytes) {
            try {
                String pathReason = evaluation ? null : PhotoFilter.pathReason(logical);
                if (pathReason != null) {
                    rejects.add(new String[] {logical, pathReason, ""});
                    return;
                }
                RgbRaster pixels;
                try {
                    pixels = decode(bytes, logical);
                } catch (IOException | OutOfMemoryError e) {
                    rejects.add(new String[] {logical, "unreadable", String.valueOf(e.getMessage())});
                    return;
                }
                String pixelSha = PixelDigest.of(pixels);
                Integer rotation = rotations.get(logical);
                if (rotation != null) pixels = pixels.rotate(rotation);
                RgbRaster keep;
                Kind kind;
                if (evaluation) {
                    keep = pixels;
                    kind = Kind.SCENE;
                } else {
                    PhotoFilter.Verdict v = PhotoFilter.classify(pixels, ruleKind);
                    if (!v.accepted()) {
                        rejects.add(new String[] {logical, v.reason(), describe(v.stats())});
                        return;
                    }
                    keep = AreaDownscaler.fit(v.pixels(), options.maxSide());
                    kind = v.kind();
                }
                String fileName = evaluation ? CorpusSources.stem(logical) + ".png" : outputName(logical);
                Path file = img.resolve(fileName);
                writePng(keep, file);
                DebianCopyright.LicenseMatch lic = copyright == null
                        ? new DebianCopyright.LicenseMatch("unknown (no copyright file)", "none")
                        : copyright.licenseFor(PackageScanner.licensePath(logical));
                candidates.add(new Candidate(fileName, source.name(), version, logical, lic.license(), lic.how(), kind,
                        pixels.width(), pixels.height(), keep.width(), keep.height(), pixelSha, PixelDigest.ofFile(file),
                        PerceptualHash.of(keep)));
            } catch (IOException | RuntimeException e) {
                rejects.add(new String[] {logical, "error", String.valueOf(e)});
            }
        }

        List<Candidate> candidates() {
            return candidates;
        }

        List<String[]> rejects() {
            return rejects;
        }

        int considered() {
            return considered.get();
        }
    }

    private static String describe(ImageStats s) {
        if (s == null) return "";
        return String.format(Locale.ROOT, "transparent=%.3f chroma=%.1f spread=%.1f colors=%.3f flat=%.3f", s.transparent(),
                s.meanChroma(), s.chromaSpread(), s.colors(), s.flat());
    }

    /** {@code <stem>-<first 8 hex of SHA-256(logical path)>.png}; generic stems ("2560x1600") get their folder's name. */
    static String outputName(String logical) {
        String flat = logical.replace('!', '/');
        String[] parts = flat.split("/");
        String base = parts[parts.length - 1];
        int dot = base.lastIndexOf('.');
        String stem = dot > 0 ? base.substring(0, dot) : base;
        if (stem.matches("\\d+x\\d+|screenshot|image|background")) {
            for (int k = parts.length - 2; k >= 0; k--) {
                if (!parts[k].matches("contents|images|images_dark|image")) {
                    stem = parts[k] + "_" + stem;
                    break;
                }
            }
        }
        stem = stem.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (stem.length() > 60) stem = stem.substring(0, 60);
        return stem + "-" + PixelDigest.ofBytes(logical.getBytes(StandardCharsets.UTF_8)).substring(0, 8) + ".png";
    }

    /** The source's pixels; gray sources (one channel) as R = G = B, which the photo filter then refuses. */
    private static RgbRaster decode(byte[] bytes, String logical) throws IOException {
        DecodedImage d = ImageDecoder.read(bytes, logical);
        if (d.raster() == null) throw new IOException(logical + " is a " + d.bitDepth() + "-bit gray image");
        return d.raster();
    }

    static void writePng(RgbRaster p, Path file) throws IOException {
        RasterPng.writeRgb(p, file, true);
    }

    // ---------------------------------------------------------------- assembly

    private long place(List<Candidate> kept, List<Candidate> evalImages) throws IOException {
        for (Kind k : Kind.values()) AtomicFiles.deleteTree(out.resolve(k.folder()));
        AtomicFiles.deleteTree(out.resolve("eval"));
        long bytes = 0;
        for (Candidate c : kept) bytes += link(work.resolve(c.pkg()).resolve("img").resolve(c.name()), out.resolve(c.relativePath()));
        for (Candidate c : evalImages) bytes += link(work.resolve(c.pkg()).resolve("img").resolve(c.name()), out.resolve("eval").resolve(c.name()));
        return bytes;
    }

    /** Hard link (no second copy on disk), or a copy where the file system has none. */
    private static long link(Path staged, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.createLink(target, staged);
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.copy(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.size(target);
    }

    static final String MANIFEST_HEADER = String.join("\t", "path", "package", "version", "original_path", "license",
            "width", "height", "sha256", "kind", "license_match", "source_width", "source_height", "phash");

    static String manifestRow(Candidate c, String path) {
        return String.join("\t", path, c.pkg(), c.version(), Candidate.clean(c.originalPath()), Candidate.clean(c.license()),
                Integer.toString(c.width()), Integer.toString(c.height()), c.fileSha256(), c.kind().label(), c.licenseMatch(),
                Integer.toString(c.sourceWidth()), Integer.toString(c.sourceHeight()), PerceptualHash.hex(c.phash()));
    }

    private void writeManifest(Summary s) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(MANIFEST_HEADER);
        for (Candidate c : s.kept()) lines.add(manifestRow(c, c.relativePath()));
        lines.add("# summary: package\tversion\tscenes\tcutouts\tsurfaces\tstatus");
        Map<String, int[]> perPackage = perPackageKinds(s.kept());
        int[] total = new int[3];
        for (PackageReport r : s.packages()) {
            int[] k = perPackage.getOrDefault(r.name(), new int[3]);
            for (int j = 0; j < 3; j++) total[j] += k[j];
            lines.add("# " + r.name() + "\t" + r.version() + "\t" + k[0] + "\t" + k[1] + "\t" + k[2] + "\t" + r.status());
        }
        lines.add("# total\t-\t" + total[0] + "\t" + total[1] + "\t" + total[2] + "\t" + s.kept().size() + " images, "
                + s.bytes() + " bytes with eval/");
        writeLines(out.resolve("manifest.tsv"), lines);
    }

    private void writeEvalManifest(List<Candidate> evalImages) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(MANIFEST_HEADER + "\tpixel_sha256");
        List<Candidate> sorted = new ArrayList<>(evalImages);
        sorted.sort(Comparator.comparing(Candidate::name));
        for (Candidate c : sorted) lines.add(manifestRow(c, c.name()) + "\t" + c.pixelSha256());
        Files.createDirectories(out.resolve("eval"));
        writeLines(out.resolve("eval").resolve("manifest.tsv"), lines);
    }

    private void writeReport(Summary s, List<String> missingEval) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Colorize training corpus — built " + java.time.Instant.now() + " in " + Math.round(s.seconds()) + " s");
        lines.add("max side " + options.maxSide() + " px; PNG (RGB for scenes/surfaces, RGBA for cutouts); filters: "
                + STAGE_FORMAT);
        lines.add("");
        lines.add(String.format(Locale.ROOT, "%-28s %-22s %6s %6s %6s %6s %6s  %s", "package", "version", "files",
                "staged", "scenes", "cutout", "surfac", "refused / status"));
        Map<String, int[]> perPackage = perPackageKinds(s.kept());
        for (PackageReport r : Stream.concat(s.evaluation().stream(), s.packages().stream()).toList()) {
            int[] k = perPackage.getOrDefault(r.name(), new int[3]);
            lines.add(String.format(Locale.ROOT, "%-28s %-22s %6d %6d %6d %6d %6d  %s%s", r.name(), r.version(), r.considered(),
                    r.candidates().size(), k[0], k[1], k[2], r.refused().isEmpty() ? "" : r.refused() + " ",
                    r.status().equals("processed") || r.status().equals("cached") ? "" : r.status()));
        }
        lines.add("");
        lines.add("Package notes:");
        for (PackageReport r : Stream.concat(s.evaluation().stream(), s.packages().stream()).toList()) {
            lines.add("  " + r.name() + ": " + r.note());
        }
        lines.add("");
        lines.add("Licenses of the training images (count):");
        Map<String, Integer> licenses = new TreeMap<>();
        for (Candidate c : s.kept()) licenses.merge(c.license(), 1, Integer::sum);
        licenses.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> lines.add(String.format(Locale.ROOT, "  %5d  %s", e.getValue(), e.getKey())));
        Map<String, Integer> how = new TreeMap<>();
        for (Candidate c : s.kept()) how.merge(c.licenseMatch(), 1, Integer::sum);
        lines.add("  (how the license was found: " + how + "; see DebianCopyright)");
        lines.add("");
        lines.add("Excluded as public evaluation images (" + s.excluded().size() + "):");
        for (String[] e : s.excluded()) lines.add("  " + e[0] + "  " + e[1] + "  -> " + e[2]);
        if (!missingEval.isEmpty()) lines.add("  WARNING: evaluation images not found in their packages: " + missingEval);
        lines.add("");
        lines.add("Duplicates dropped (" + s.duplicates().size() + "), each with the image kept instead:");
        for (Deduplicator.Dropped d : s.duplicates()) {
            lines.add("  " + d.reason() + ": " + d.dropped().pkg() + " " + d.dropped().originalPath() + " ("
                    + d.dropped().sourceWidth() + "x" + d.dropped().sourceHeight() + ")  kept " + d.keptInstead().pkg() + " "
                    + d.keptInstead().originalPath() + " (" + d.keptInstead().sourceWidth() + "x" + d.keptInstead().sourceHeight() + ")");
        }
        writeLines(out.resolve("REPORT.txt"), lines);
    }

    static Map<String, int[]> perPackageKinds(List<Candidate> kept) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (Candidate c : kept) m.computeIfAbsent(c.pkg(), k -> new int[3])[c.kind().ordinal()]++;
        return m;
    }

    private static String kindCounts(List<Candidate> cs) {
        int[] k = new int[3];
        for (Candidate c : cs) k[c.kind().ordinal()]++;
        return "(scenes " + k[0] + ", cutouts " + k[1] + ", surfaces " + k[2] + ")";
    }

    // ---------------------------------------------------------------- stage files

    private static Properties readState(Path dir) {
        Path f = dir.resolve("state.properties");
        if (!Files.isRegularFile(f)) return null;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            return p;
        } catch (IOException e) {
            return null;
        }
    }

    private static void writeState(Path dir, Properties p) throws IOException {
        AtomicFiles.write(dir.resolve("state.properties"), true, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "staged by colorize corpus; delete to process this package again");
            }
        });
    }

    private static void writeCandidates(Path dir, List<Candidate> cs) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(Candidate.HEADER);
        for (Candidate c : cs) lines.add(c.toTsv());
        writeLines(dir.resolve("candidates.tsv"), lines);
    }

    static List<Candidate> readCandidates(Path dir) throws IOException {
        List<Candidate> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(dir.resolve("candidates.tsv"), StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) if (!lines.get(i).isBlank()) out.add(Candidate.fromTsv(lines.get(i)));
        return out;
    }

    private static void writeRejects(Path dir, List<String[]> rejects) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("original_path\treason\tdetail");
        for (String[] r : rejects) lines.add(Candidate.clean(r[0]) + "\t" + r[1] + "\t" + Candidate.clean(r[2]));
        writeLines(dir.resolve("rejects.tsv"), lines);
    }

    private static Map<String, Integer> readRefusedCounts(Path dir) throws IOException {
        Path f = dir.resolve("rejects.tsv");
        Map<String, Integer> m = new TreeMap<>();
        if (!Files.isRegularFile(f)) return m;
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("\t", -1);
            if (parts.length >= 2) m.merge(parts[1], 1, Integer::sum);
        }
        return m;
    }

    private static Map<String, Integer> refusedCounts(List<String[]> rejects) {
        Map<String, Integer> m = new TreeMap<>();
        for (String[] r : rejects) m.merge(r[1], 1, Integer::sum);
        return m;
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        AtomicFiles.write(file, true, tmp -> Files.write(tmp, lines, StandardCharsets.UTF_8));
    }

    private void removeQuietly(Path dir) {
        try {
            AtomicFiles.deleteTree(dir);
        } catch (IOException e) {
            log.println("corpus: could not remove " + dir + ": " + e.getMessage());
        }
    }
}
