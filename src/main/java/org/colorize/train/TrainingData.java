package org.colorize.train;

import org.colorize.TrainException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.colorize.color.AbGamut;
import org.colorize.color.Lab;
import org.colorize.color.SrgbTransfer;
import org.colorize.io.DecodedImage;
import org.colorize.io.ImageDecoder;
import org.colorize.train.corpus.PerceptualHash;

/**
 * The color images of a training run, decoded once and kept in memory at a reduced size, split
 * deterministically into training and validation images.
 *
 * <ul>
 *   <li><b>Files</b>: every jpg/jpeg/png/tif/tiff/bmp below the data folder (hidden files and folders
 *       skipped, and subfolders with their own manifest, such as the corpus's {@code eval/}), in path order. A {@code manifest.tsv} in the folder or its parent (the corpus tool's:
 *       tab-separated with a header naming at least {@code path}, optionally {@code license},
 *       {@code package}, {@code kind}) supplies each file's license and source; files it does not
 *       list have license "unknown".</li>
 *   <li><b>Cache</b>: each image is shrunk so its short side is at most 2·S (crops take 0.5…1.0 of
 *       the short side, so the smallest crop is still at full resolution for an S×S batch). If the
 *       whole set would not fit in half the free heap, the side is reduced towards S.</li>
 *   <li><b>Filtering</b>: gray images (chroma ~0, see {@link RgbImage#isGray()}) and unreadable or
 *       tiny files are skipped and listed.</li>
 *   <li><b>Split</b>: an image is a validation image iff the SHA-256 of its path relative to the
 *       data folder, read as a number in [0, 1), is below the validation fraction, look-alike images
 *       taking the smallest key of their group ({@link ContentSplit}), so they stay on one side; at least one
 *       image is held out (the smallest hash) and at least one trains. Adding or removing other
 *       files never moves an image between the sets.</li>
 * </ul>
 */
public final class TrainingData {
    /** Name of the corpus tool's manifest. */
    public static final String MANIFEST = "manifest.tsv";
    /** License recorded for files a manifest does not list. */
    public static final String UNKNOWN_LICENSE = "unknown";
    /** Images with a shorter side than this are skipped. */
    static final int MIN_SIDE = 16;
    /** File name extensions the training data may have. */
    static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "tif", "tiff", "bmp");

    /**
     * Where an image came from; {@code phash} is the manifest's difference hash of the source picture
     * (hex, as the corpus tool writes it), empty when the manifest has none.
     */
    public record Source(Path path, String relative, String license, String packageName, String kind, String phash) {
        /** A source without a manifest hash. */
        public Source(Path path, String relative, String license, String packageName, String kind) {
            this(path, relative, license, packageName, kind, "");
        }
    }

    /** A usable image with its cached pixels and split key in [0, 1). */
    public record Item(Source source, RgbImage image, double splitKey) {
    }

    private final Path folder;
    private final Path manifest;
    private final List<Item> train;
    private final List<Item> validation;
    private final List<Source> gray;
    private final Map<Source, String> unreadable;
    private final int cacheSide;
    private final double decodeSeconds;

    private TrainingData(Path folder, Path manifest, List<Item> train, List<Item> validation, List<Source> gray,
            Map<Source, String> unreadable, int cacheSide, double decodeSeconds) {
        this.folder = folder;
        this.manifest = manifest;
        this.train = List.copyOf(train);
        this.validation = List.copyOf(validation);
        this.gray = List.copyOf(gray);
        this.unreadable = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unreadable));
        this.cacheSide = cacheSide;
        this.decodeSeconds = decodeSeconds;
    }

    /**
     * Scans, decodes and splits {@code folder} for crops of side {@code size}.
     *
     * @param log receives progress and warnings, one line each
     * @throws TrainException for a missing or empty folder, or fewer than two usable color images
     */
    public static TrainingData load(Path folder, int size, double valFraction, Consumer<String> log, BooleanSupplier cancel)
            throws TrainException {
        return load(folder, size, valFraction, Set.of(), log, cancel);
    }

    /**
     * As {@link #load(Path, int, double, Consumer, BooleanSupplier)}, keeping only images whose manifest
     * {@code kind} is in {@code kinds} (all images when empty).
     */
    public static TrainingData load(Path folder, int size, double valFraction, Set<String> kinds, Consumer<String> log,
            BooleanSupplier cancel) throws TrainException {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.exists(dir)) throw new TrainException("Data folder " + folder + " does not exist.");
        if (!Files.isDirectory(dir)) throw new TrainException("Data folder " + folder + " is not a folder.");
        List<Path> files = scan(dir);
        if (files.isEmpty()) {
            throw new TrainException("Data folder " + folder + " holds no images (searched recursively for "
                    + String.join(", ", new java.util.TreeSet<>(EXTENSIONS)) + ").");
        }
        Path manifestFile = findManifest(dir);
        Map<Path, String[]> manifest = manifestFile == null ? Map.of() : readManifest(manifestFile, log);
        List<Source> sources = new ArrayList<>();
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            String[] m = manifest.get(f);
            sources.add(new Source(f, rel, m == null || m[0].isBlank() ? UNKNOWN_LICENSE : m[0], m == null ? "" : m[1],
                    m == null ? "" : m[2], m == null ? "" : m[3]));
        }
        if (!kinds.isEmpty()) {
            int before = sources.size();
            sources.removeIf(src -> !kinds.contains(src.kind().toLowerCase(Locale.ROOT)));
            log.accept("kinds " + String.join(",", kinds) + ": " + sources.size() + " of " + before + " images"
                    + (manifestFile == null ? " (no manifest, so no kinds: use the option with a corpus manifest)" : ""));
            if (sources.isEmpty()) {
                throw new TrainException("No image in " + folder + " is of kind " + String.join(" or ", kinds)
                        + (manifestFile == null ? " (there is no " + MANIFEST + " naming kinds)." : "."));
            }
        }
        if (manifestFile != null) {
            long listed = sources.stream().filter(s -> !s.license().equals(UNKNOWN_LICENSE)).count();
            log.accept(String.format(Locale.ROOT, "manifest %s lists %d of the %d images", manifestFile, listed, sources.size()));
        }
        int side = cacheSide(sources, size, log);
        long t0 = System.nanoTime();
        Map<Source, String> unreadable = new LinkedHashMap<>();
        List<Decoded> decoded = decodeAll(sources, side, log, cancel, unreadable);
        double seconds = (System.nanoTime() - t0) / 1e9;

        List<Item> usable = new ArrayList<>();
        List<Source> gray = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            Decoded d = decoded.get(i);
            if (d == null) {
                unreadable.putIfAbsent(s, "cannot read");
                continue;
            } else if (d.gray()) {
                gray.add(s);
            } else if (d.image().shortSide() < MIN_SIDE) {
                unreadable.put(s, "smaller than " + MIN_SIDE + " px");
            } else {
                usable.add(new Item(s, d.image(), splitKey(s.relative())));
            }
        }
        if (!unreadable.isEmpty()) {
            log.accept("skipped " + unreadable.size() + " unreadable image(s): " + preview(unreadable));
        }
        if (!gray.isEmpty()) {
            log.accept("skipped " + gray.size() + " gray image(s) (no color to learn from): "
                    + preview(gray.stream().map(Source::relative).toList()));
        }
        if (usable.size() < 2) {
            throw new TrainException("Data folder " + folder + " has " + usable.size() + " usable color image(s) of "
                    + sources.size() + " (" + gray.size() + " gray, " + unreadable.size()
                    + " unreadable); training needs at least 2 (one is held out for validation).");
        }
        usable = ContentSplit.regroup(usable);
        List<Item> train = new ArrayList<>();
        List<Item> val = new ArrayList<>();
        for (Item it : usable) (it.splitKey() < valFraction ? val : train).add(it);
        if (val.isEmpty()) {
            Item first = train.stream().min(Comparator.comparingDouble(Item::splitKey)).orElseThrow();
            train.remove(first);
            val.add(first);
        }
        if (train.isEmpty()) {
            Item last = val.stream().max(Comparator.comparingDouble(Item::splitKey)).orElseThrow();
            val.remove(last);
            train.add(last);
        }
        long bytes = usable.stream().mapToLong(i -> i.image().bytes()).sum();
        log.accept(String.format(Locale.ROOT, "%d training + %d validation images, decoded in %.1f s, %d MB in memory"
                + " (short side <= %d px)", train.size(), val.size(), seconds, bytes >> 20, side));
        return new TrainingData(dir, manifestFile, train, val, gray, unreadable, side, seconds);
    }

    /**
     * The image files below {@code dir} in path order; hidden files and folders are skipped, and so is
     * every subfolder holding its own {@value #MANIFEST} (a separate collection, like the corpus
     * tool's {@code eval/} set of public evaluation images that must never be trained on).
     */
    static List<Path> scan(Path dir) throws TrainException {
        List<Path> files = new ArrayList<>();
        try {
            // FOLLOW_LINKS: a --data folder that is a link (or holds links) is scanned, not seen as one non-image file
            Files.walkFileTree(dir, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path d, java.nio.file.attribute.BasicFileAttributes a) {
                    if (d.equals(dir)) return java.nio.file.FileVisitResult.CONTINUE;
                    if (d.getFileName().toString().startsWith(".") || Files.isRegularFile(d.resolve(MANIFEST))) {
                        return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path f, java.nio.file.attribute.BasicFileAttributes a) {
                    if (a.isRegularFile() && hasImageExtension(f) && !f.getFileName().toString().startsWith(".")) {
                        files.add(f);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path f, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | RuntimeException e) {
            throw new TrainException("Cannot list the data folder " + dir + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(p -> dir.relativize(p).toString()));
        return files;
    }

    private static Path findManifest(Path dir) {
        for (Path d = dir; d != null && (d.equals(dir) || d.equals(dir.getParent())); d = d.getParent()) {
            Path m = d.resolve(MANIFEST);
            if (Files.isRegularFile(m)) return m;
        }
        return null;
    }

    /** Absolute path → {license, package, kind}. Paths are resolved against the manifest's folder, or its parent. */
    static Map<Path, String[]> readManifest(Path file, Consumer<String> log) {
        Map<Path, String[]> out = new HashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            log.accept("cannot read " + file + " (" + e.getMessage() + "); licenses are recorded as unknown");
            return out;
        }
        if (lines.isEmpty()) return out;
        List<String> header = List.of(lines.get(0).toLowerCase(Locale.ROOT).split("\t", -1));
        int path = header.indexOf("path");
        if (path < 0) {
            log.accept(file + " has no 'path' column; licenses are recorded as unknown");
            return out;
        }
        int license = header.indexOf("license");
        int pkg = header.indexOf("package");
        int kind = header.indexOf("kind");
        int phash = header.indexOf("phash");
        Path base = file.getParent();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] cols = line.split("\t", -1);
            if (path >= cols.length) continue;
            String[] value = {col(cols, license), col(cols, pkg), col(cols, kind), hash(col(cols, phash))};
            Path p = Path.of(cols[path].trim());
            if (p.isAbsolute()) {
                out.put(p.normalize(), value);
            } else {
                out.put(base.resolve(p).normalize(), value);
                if (base.getParent() != null) out.putIfAbsent(base.getParent().resolve(p).normalize(), value);
            }
        }
        return out;
    }

    /** A manifest's picture hash as written, or empty when it is not one (then the split hashes the pixels). */
    private static String hash(String hex) {
        try {
            if (!hex.isEmpty()) PerceptualHash.parseHex(hex);
            return hex;
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static String col(String[] cols, int i) {
        return i >= 0 && i < cols.length ? cols[i].trim() : "";
    }

    /** The short side the images are kept at: 2·S, less if that would not fit in half the free heap. */
    private static int cacheSide(List<Source> sources, int size, Consumer<String> log) throws TrainException {
        int side = 2 * size;
        double pixelsAtSide = 0;
        for (Source s : sources) {
            int[] wh = ImageDecoder.dimensions(s.path());
            double w = wh == null ? 1.5 * side : wh[0];
            double h = wh == null ? side : wh[1];
            double f = Math.min(1, side / Math.min(w, h));
            pixelsAtSide += w * f * h * f;
        }
        Runtime rt = Runtime.getRuntime();
        double free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        double budget = 0.5 * free;
        double bytes = 3 * pixelsAtSide;
        if (bytes <= budget) return side;
        int reduced = (int) Math.floor(side * Math.sqrt(budget / bytes));
        if (reduced < size) {
            throw new TrainException(String.format(Locale.ROOT, "The %d images need about %d MB in memory even at the"
                    + " crop size; Java has %d MB free. Give Java more memory (e.g. COLORIZE_JAVA_OPTS=-Xmx16g for"
                    + " ./colorize) or train on fewer or smaller images.", sources.size(), (long) (bytes / 4 / 1e6 * 1.05),
                    (long) (free / 1e6)));
        }
        log.accept(String.format(Locale.ROOT, "images kept at short side %d px (not %d) to fit in memory", reduced, side));
        return reduced;
    }

    private static List<Decoded> decodeAll(List<Source> sources, int side, Consumer<String> log,
            BooleanSupplier cancel, Map<Source, String> unreadable) throws TrainException {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), sources.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "colorize-decode");
            t.setDaemon(true);
            return t;
        });
        Map<Source, String> failures = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            List<Future<Decoded>> futures = new ArrayList<>();
            for (Source s : sources) {
                futures.add(pool.submit(() -> {
                    if (cancel.getAsBoolean()) return null;
                    try {
                        return decode(s.path(), side);
                    } catch (IOException | RuntimeException | OutOfMemoryError e) {
                        failures.put(s, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                        return null;
                    }
                }));
            }
            List<Decoded> out = new ArrayList<>();
            long lastReport = System.nanoTime();
            for (int i = 0; i < futures.size(); i++) {
                out.add(futures.get(i).get());
                if (cancel.getAsBoolean()) throw new TrainException("Canceled while reading the images.");
                if (System.nanoTime() - lastReport > 5e9) {
                    log.accept("reading images: " + (i + 1) + "/" + sources.size());
                    lastReport = System.nanoTime();
                }
            }
            for (Source s : sources) {
                if (failures.containsKey(s)) unreadable.put(s, failures.get(s));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TrainException("Interrupted while reading the images.", e);
        } catch (ExecutionException e) {
            throw new TrainException("Reading the images failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A decoded image, or the finding that it is gray (then {@code image} may be null). */
    private record Decoded(RgbImage image, boolean gray) {
    }

    /** Reads {@code file} and shrinks it so its short side is at most {@code maxShortSide}. */
    private static Decoded decode(Path file, int maxShortSide) throws IOException {
        DecodedImage d = ImageDecoder.read(file, maxShortSide);
        if (d.gray()) return new Decoded(null, true);
        RgbImage small = AreaResize.shrinkTo(RgbImage.of(d.raster()), maxShortSide);
        return new Decoded(small, small.isGray());
    }

    static boolean hasImageExtension(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** SHA-256 of the relative path as a number in [0, 1). */
    static double splitKey(String relative) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(relative.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
            return (v >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String preview(Map<Source, String> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((s, why) -> parts.add(s.relative() + " (" + why + ")"));
        return preview(parts);
    }

    private static String preview(List<String> items) {
        int n = Math.min(5, items.size());
        return String.join(", ", items.subList(0, n)) + (items.size() > n ? ", … (" + (items.size() - n) + " more)" : "");
    }

    public Path folder() {
        return folder;
    }

    /** The manifest that supplied licenses, or null. */
    public Path manifest() {
        return manifest;
    }

    public List<Item> train() {
        return train;
    }

    public List<Item> validation() {
        return validation;
    }

    public List<Source> gray() {
        return gray;
    }

    public Map<Source, String> unreadable() {
        return unreadable;
    }

    /** Short side the images are cached at. */
    public int cacheSide() {
        return cacheSide;
    }

    public double decodeSeconds() {
        return decodeSeconds;
    }

    /** Training images. */
    public List<RgbImage> trainImages() {
        return train.stream().map(Item::image).toList();
    }

    /** Validation images. */
    public List<RgbImage> validationImages() {
        return validation.stream().map(Item::image).toList();
    }

    /** Image count per license over the training and validation images, most frequent first. */
    public Map<String, Integer> licenses() {
        return countBy(i -> i.source().license());
    }

    /** Image count per source package (manifest column {@code package}), most frequent first; empty without one. */
    public Map<String, Integer> packages() {
        Map<String, Integer> m = countBy(i -> i.source().packageName());
        m.remove("");
        return m;
    }

    private Map<String, Integer> countBy(java.util.function.Function<Item, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        Stream.concat(train.stream(), validation.stream()).forEach(i -> counts.merge(key.apply(i), 1, Integer::sum));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** A short hash of the usable images' relative paths and sizes: tells whether a resumed run sees the same data. */
    public String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Stream.concat(train.stream(), validation.stream()).map(Item::source).map(Source::relative).sorted()
                    .forEach(r -> md.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
            byte[] h = md.digest();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) sb.append(String.format("%02x", h[i]));
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts of the nearest {@code gamut} bin of every 2nd pixel in each direction of the training
     * images (for class rebalancing).
     */
    public double[] abHistogram(AbGamut gamut) {
        int q = gamut.size();
        List<RgbImage> images = trainImages();
        return IntStream.range(0, images.size()).parallel().mapToObj(i -> {
            RgbImage im = images.get(i);
            double[] counts = new double[q];
            double[] lab = new double[3];
            byte[] rgb = im.rgb();
            for (int y = 0; y < im.height(); y += 2) {
                for (int x = 0; x < im.width(); x += 2) {
                    int p = 3 * (y * im.width() + x);
                    Lab.fromLinearSrgb(SrgbTransfer.decodeByte(rgb[p] & 0xff), SrgbTransfer.decodeByte(rgb[p + 1] & 0xff),
                            SrgbTransfer.decodeByte(rgb[p + 2] & 0xff), lab);
                    counts[gamut.nearest((float) lab[1], (float) lab[2])]++;
                }
            }
            return counts;
        }).reduce(new double[q], (a, b) -> {
            double[] s = a.clone();
            for (int k = 0; k < q; k++) s[k] += b[k];
            return s;
        });
    }
}
