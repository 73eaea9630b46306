package org.colorize.train.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Walks an unpacked package and hands over every file its {@link SourcePackage} rules include,
 * looking inside Qt resource bundles ({@code .rcc}) and zip archives ({@code .pk3}, {@code .zip})
 * where a rule asks for it. Symbolic links are not followed (they point at copies or outside the
 * package).
 */
public final class PackageScanner {

    /** Receives one included file. */
    public interface Sink {
        void accept(String logicalPath, Kind kind, byte[] bytes) throws IOException;
    }

    /** What was seen besides the included files. */
    public static final class Counts {
        public int zstdSkipped;
        public int symlinks;
        public final List<String> bundleErrors = new ArrayList<>();
    }

    private PackageScanner() {
    }

    public static Counts scan(Path root, SourcePackage source, Sink sink) throws IOException {
        Counts counts = new Counts();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> !p.equals(root)).sorted().toList();
        }
        for (Path file : files) {
            if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) continue;
            String logical = root.relativize(file).toString().replace('\\', '/');
            if (Files.isSymbolicLink(file)) {
                if (source.kindOf(logical) != null) counts.symlinks++;
                continue;
            }
            String lower = logical.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".rcc") && source.mayLookInside(logical)) {
                scanRcc(file, logical, source, sink, counts);
            } else if ((lower.endsWith(".pk3") || lower.endsWith(".zip")) && source.mayLookInside(logical)) {
                scanZip(file, logical, source, sink, counts);
            } else if (lower.endsWith(".edj") && source.mayLookInside(logical)) {
                scanEdj(file, logical, source, sink, counts);
            } else {
                Kind kind = source.kindOf(logical);
                if (kind != null) sink.accept(logical, kind, Files.readAllBytes(file));
            }
        }
        return counts;
    }

    private static void scanRcc(Path file, String logical, SourcePackage source, Sink sink, Counts counts) throws IOException {
        RccReader.RccContents contents;
        try {
            contents = RccReader.read(Files.readAllBytes(file));
        } catch (IOException e) {
            counts.bundleErrors.add(logical + ": " + e.getMessage());
            return;
        }
        for (RccReader.RccFile f : contents.files()) {
            String inner = logical + "!" + (f.path().startsWith("/") ? f.path().substring(1) : f.path());
            Kind kind = source.kindOf(inner);
            if (kind == null) continue;
            if (f.zstd()) {
                counts.zstdSkipped++;
                continue;
            }
            sink.accept(inner, kind, f.data());
        }
    }

    /** The full-size JPEG inside an Enlightenment {@code .edj} file, as {@code FILE!image.jpg}. */
    private static void scanEdj(Path file, String logical, SourcePackage source, Sink sink, Counts counts) throws IOException {
        String inner = logical + "!image.jpg";
        Kind kind = source.kindOf(inner);
        if (kind == null) return;
        EdjReader.Jpeg jpeg = EdjReader.largest(Files.readAllBytes(file));
        if (jpeg == null) {
            counts.bundleErrors.add(logical + ": no JPEG stream of at least " + EdjReader.MIN_BYTES + " bytes");
            return;
        }
        sink.accept(inner, kind, jpeg.data());
    }

    private static void scanZip(Path file, String logical, SourcePackage source, Sink sink, Counts counts) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) entries.add(e.nextElement());
            entries.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (ZipEntry entry : entries) {
                if (entry.isDirectory()) continue;
                String inner = logical + "!" + entry.getName();
                Kind kind = source.kindOf(inner);
                if (kind == null) continue;
                try (InputStream in = zip.getInputStream(entry)) {
                    sink.accept(inner, kind, in.readAllBytes());
                }
            }
        } catch (java.util.zip.ZipException e) {
            counts.bundleErrors.add(logical + ": " + e.getMessage());
        }
    }

    /**
     * The path the package's copyright file would name: for an entry of a bundle, the bundle's
     * folder joined with the entry's path ({@code a/b/x.rcc!src/y.webp} gives {@code a/b/src/y.webp}).
     */
    public static String licensePath(String logicalPath) {
        int bang = logicalPath.indexOf('!');
        if (bang < 0) return logicalPath;
        String bundle = logicalPath.substring(0, bang);
        String inner = logicalPath.substring(bang + 1);
        int slash = bundle.lastIndexOf('/');
        return (slash < 0 ? "" : bundle.substring(0, slash + 1)) + inner;
    }
}
