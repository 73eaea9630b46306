package org.colorize.train.corpus;

import org.colorize.testing.Slow;

import org.colorize.color.RgbRaster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole command on fake packages: no apt, no network. */
@Slow
class CorpusBuilderTest {

    /** Serves in-memory "packages": each is a map of installed path → bytes. */
    static class FakeFetcher implements PackageFetcher {
        final Map<String, Map<String, byte[]>> packages = new LinkedHashMap<>();
        final List<String> downloads = new ArrayList<>();
        boolean tools = true;

        @Override
        public void checkTools() throws FetchException {
            if (!tools) throw new FetchException("apt-get not found on PATH");
        }

        @Override
        public String candidateVersion(String pkg) {
            return packages.containsKey(pkg) ? "1.0" : null;
        }

        @Override
        public Path download(String pkg, String version, Path cacheDir) throws FetchException {
            if (!packages.containsKey(pkg)) throw new FetchException(pkg + ": apt knows no such package");
            downloads.add(pkg);
            try {
                Files.createDirectories(cacheDir);
                return Files.write(cacheDir.resolve(pkg + "_1.0_all.deb"), new byte[] {1});
            } catch (IOException e) {
                throw new FetchException(e.getMessage());
            }
        }

        @Override
        public String debVersion(Path deb) {
            return "1.0";
        }

        @Override
        public void extract(Path deb, Path dir) throws FetchException {
            String pkg = deb.getFileName().toString().replace("_1.0_all.deb", "");
            try {
                for (Map.Entry<String, byte[]> e : packages.get(pkg).entrySet()) {
                    Path f = dir.resolve(e.getKey());
                    Files.createDirectories(f.getParent());
                    Files.write(f, e.getValue());
                }
            } catch (IOException e) {
                throw new FetchException(e.getMessage());
            }
        }
    }

    static byte[] encode(RgbRaster p, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BufferedImage img = Synth.toImage(p);
        if (format.equals("jpg")) {
            BufferedImage rgb = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
            img = rgb;
        }
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    static final String COPYRIGHT = """
            Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/

            Files: *
            Copyright: 2024 Test
            License: GPL-2+

            Files: photos/*
            Copyright: 2024 A. Photographer
            License: CC-BY-4.0
            """;

    static final SourcePackage TEST = SourcePackage.of("test-photos", ".*/ignored/.*", "synthetic",
            SourcePackage.Rule.of("usr/share/test-photos/objects/.+\\.png", Kind.CUTOUT),
            SourcePackage.Rule.of("usr/share/test-photos/.+\\.(png|jpg)", Kind.SCENE));

    @Test
    void buildsFiltersExcludesDeduplicatesAndRerunsIncrementally(@TempDir Path tmp) throws IOException {
        RgbRaster astronaut = Synth.photo(512, 512, 100);
        RgbRaster lake = Synth.photo(1600, 1200, 1);
        FakeFetcher fetcher = new FakeFetcher();
        Map<String, byte[]> skimage = new LinkedHashMap<>();
        skimage.put("usr/lib/python3/dist-packages/skimage/data/astronaut.png", encode(astronaut, "png"));
        skimage.put("usr/lib/python3/dist-packages/skimage/data/camera.png", encode(Synth.gray(astronaut), "png"));
        skimage.put("usr/share/doc/python3-skimage/copyright", COPYRIGHT.getBytes(StandardCharsets.UTF_8));
        fetcher.packages.put("python3-skimage", skimage);
        Map<String, byte[]> test = new LinkedHashMap<>();
        test.put("usr/share/test-photos/photos/lake.png", encode(lake, "png"));
        test.put("usr/share/test-photos/photos/lake-small.jpg", encode(AreaDownscaler.resize(lake, 400, 300), "jpg"));
        test.put("usr/share/test-photos/photos/gray.png", encode(Synth.gray(Synth.photo(400, 300, 2)), "png"));
        test.put("usr/share/test-photos/photos/tiny.png", encode(Synth.photo(100, 80, 3), "png"));
        test.put("usr/share/test-photos/photos/space.png", encode(astronaut, "png"));
        test.put("usr/share/test-photos/photos/coffee.jpg", encode(Synth.photo(600, 400, 4), "jpg"));
        test.put("usr/share/test-photos/ignored/other.png", encode(Synth.photo(600, 400, 5), "png"));
        test.put("usr/share/test-photos/objects/ball.png", encode(Synth.cutout(500, 400, 6), "png"));
        test.put("usr/share/test-photos/notes.txt", "not an image".getBytes(StandardCharsets.UTF_8));
        test.put("usr/share/doc/test-photos/copyright", COPYRIGHT.getBytes(StandardCharsets.UTF_8));
        fetcher.packages.put("test-photos", test);

        Path out = tmp.resolve("corpus");
        CorpusOptions options = new CorpusOptions(out, 1024, List.of(TEST), 2, false);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = CorpusCommand.run(options, fetcher, new PrintStream(stdout, true), new PrintStream(stderr, true));
        assertEquals(0, code, stderr.toString());

        List<String[]> rows = rows(out.resolve("manifest.tsv"));
        assertEquals(2, rows.size(), "lake (scene) and ball (cutout): " + Files.readString(out.resolve("manifest.tsv")));
        String[] scene = rows.stream().filter(r -> r[8].equals("scene")).findFirst().orElseThrow();
        assertTrue(scene[0].startsWith("scenes/test-photos/lake-"), scene[0]);
        assertEquals("usr/share/test-photos/photos/lake.png", scene[3]);
        assertEquals("CC-BY-4.0", scene[4], "Files: photos/* stanza");
        assertEquals("1024", scene[5]);
        assertEquals("768", scene[6]);
        assertEquals(PixelDigest.ofFile(out.resolve(scene[0])), scene[7], "sha256 of the file as written");
        BufferedImage written = ImageIO.read(out.resolve(scene[0]).toFile());
        assertEquals(1024, written.getWidth());
        assertFalse(written.getColorModel().hasAlpha());
        String[] cut = rows.stream().filter(r -> r[8].equals("cutout")).findFirst().orElseThrow();
        assertEquals("GPL-2+", cut[4], "falls back to Files: *");
        assertTrue(ImageIO.read(out.resolve(cut[0]).toFile()).getColorModel().hasAlpha(), "cut-outs keep alpha");

        String manifest = Files.readString(out.resolve("manifest.tsv"));
        assertTrue(manifest.contains("# test-photos\t1.0\t1\t1\t0\t"), manifest);
        assertTrue(Files.isRegularFile(out.resolve("eval/astronaut.png")));
        List<String[]> evalRows = rows(out.resolve("eval/manifest.tsv"));
        assertEquals(1, evalRows.size(), "only the listed evaluation images, not camera.png");
        assertEquals(PixelDigest.of(astronaut), evalRows.get(0)[13]);

        String report = Files.readString(out.resolve("REPORT.txt"));
        assertTrue(report.contains("photos/space.png  -> eval-pixels:astronaut"), report);
        assertTrue(report.contains("photos/coffee.jpg  -> eval-name:coffee"), report);
        assertTrue(report.contains("near-duplicate") && report.contains("lake-small.jpg"), report);
        assertTrue(report.contains("gray=1") && report.contains("tiny=1"), report);
        assertTrue(stderr.toString().contains("python3-sklearn"), "progress names each package");
        assertEquals(List.of("python3-skimage", "test-photos"), fetcher.downloads);

        // Second run: nothing downloaded or decoded again, same manifest.
        ByteArrayOutputStream stderr2 = new ByteArrayOutputStream();
        assertEquals(0, CorpusCommand.run(options, fetcher, new PrintStream(new ByteArrayOutputStream()), new PrintStream(stderr2, true)));
        assertEquals(2, fetcher.downloads.size(), stderr2.toString());
        assertTrue(stderr2.toString().contains("test-photos 1.0: up to date"), stderr2.toString());
        assertEquals(manifest.lines().filter(l -> !l.startsWith("#")).toList(),
                Files.readString(out.resolve("manifest.tsv")).lines().filter(l -> !l.startsWith("#")).toList());
    }

    @Test
    void missingAptIsAClearError(@TempDir Path tmp) {
        FakeFetcher fetcher = new FakeFetcher();
        fetcher.tools = false;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CorpusCommand.run(new CorpusOptions(tmp, 1024, List.of(TEST), 1, false), fetcher,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        assertEquals(1, code);
        assertTrue(err.toString().contains("apt-get not found"), err.toString());
    }

    @Test
    void aPackageThatCannotBeDownloadedFailsTheRunButNotTheOthers(@TempDir Path tmp) throws IOException {
        FakeFetcher fetcher = new FakeFetcher() {
            @Override
            public String candidateVersion(String pkg) {
                return "1.0";
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CorpusCommand.run(new CorpusOptions(tmp, 1024, List.of(TEST), 1, false), fetcher,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        assertEquals(1, code, "a package apt lists but cannot fetch is a failure");
        assertTrue(err.toString().contains("FAILED"), err.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("manifest.tsv")), "the corpus is still assembled from the rest");
    }

    @Test
    void outputNamesAreReadableAndUnique() {
        String a = CorpusBuilder.outputName("usr/share/wallpapers/Kite/contents/images/2560x1600.jpg");
        assertTrue(a.matches("Kite_2560x1600-[0-9a-f]{8}\\.png"), a);
        String b = CorpusBuilder.outputName("usr/share/x.rcc!gcompris/src/a/bee.webp");
        String c = CorpusBuilder.outputName("usr/share/y.rcc!gcompris/src/a/bee.webp");
        assertTrue(b.startsWith("bee-") && c.startsWith("bee-") && !b.equals(c), b + " " + c);
    }

    private static List<String[]> rows(Path manifest) throws IOException {
        List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        List<String[]> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) if (!lines.get(i).startsWith("#")) out.add(lines.get(i).split("\t", -1));
        return out;
    }
}
