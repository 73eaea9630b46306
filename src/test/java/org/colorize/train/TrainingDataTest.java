package org.colorize.train;

import org.colorize.TrainException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.colorize.color.AbGamut;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scanning, filtering, splitting, manifest licenses, crops and encodings: no TensorFlow. */
class TrainingDataTest {
    private final List<String> log = new ArrayList<>();

    private TrainingData load(Path dir, int size) throws TrainException {
        return TrainingData.load(dir, size, 0.05, log::add, () -> false);
    }

    private static Set<String> names(List<TrainingData.Item> items) {
        return items.stream().map(i -> i.source().relative()).collect(Collectors.toSet());
    }

    @Test
    void theSplitIsDeterministicByPathAndStableWhenFilesAreAdded(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("d");
        SyntheticScenes.write(dir.resolve("a"), 40, 40, 32, 1);
        TrainingData first = load(dir, 16);
        TrainingData again = load(dir, 16);
        assertEquals(names(first.validation()), names(again.validation()));
        assertEquals(40, first.train().size() + first.validation().size());
        assertFalse(first.validation().isEmpty());
        for (TrainingData.Item it : first.validation()) {
            // its own path key, or a look-alike's smaller one (ContentSplit keeps look-alikes together)
            assertTrue(it.splitKey() <= TrainingData.splitKey(it.source().relative()));
        }
        // more files: no image changes sides
        SyntheticScenes.write(dir.resolve("b"), 30, 40, 32, 2);
        TrainingData more = load(dir, 16);
        // validation images stay held out; a training image moves only when a new look-alike joins its group
        for (TrainingData.Item it : first.validation()) assertTrue(names(more.validation()).contains(it.source().relative()));
        for (TrainingData.Item it : more.validation()) {
            if (names(first.train()).contains(it.source().relative())) {
                assertTrue(it.splitKey() < TrainingData.splitKey(it.source().relative()), it.source().relative());
            }
        }
        assertNotEquals(first.fingerprint(), more.fingerprint());
        assertEquals(first.fingerprint(), again.fingerprint());
    }

    @Test
    void atLeastOneImageIsHeldOutAndOneTrains(@TempDir Path tmp) throws Exception {
        SyntheticScenes.write(tmp, 2, 40, 32, 3);
        TrainingData d = load(tmp, 16);
        assertEquals(1, d.validation().size());
        assertEquals(1, d.train().size());
    }

    @Test
    void aDataFolderThatIsALinkIsScanned(@TempDir Path tmp) throws Exception {
        Path real = Files.createDirectory(tmp.resolve("real"));
        SyntheticScenes.write(real, 3, 40, 32, 6);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), real);
        TrainingData d = load(link, 16);
        assertEquals(3, d.train().size() + d.validation().size());
    }

    @Test
    void grayUnreadableAndHiddenFilesAreSkippedAndReported(@TempDir Path tmp) throws Exception {
        SyntheticScenes.write(tmp, 3, 40, 32, 4);
        SyntheticScenes.writeGray(tmp.resolve("gray.png"), 40, 32);
        Files.writeString(tmp.resolve("broken.jpg"), "not a jpeg");
        Files.createDirectories(tmp.resolve(".hidden"));
        SyntheticScenes.write(tmp.resolve(".hidden"), 2, 40, 32, 5);
        Files.writeString(tmp.resolve("notes.txt"), "ignored");
        TrainingData d = load(tmp, 16);
        assertEquals(3, d.train().size() + d.validation().size());
        assertEquals(List.of("gray.png"), d.gray().stream().map(TrainingData.Source::relative).toList());
        assertEquals(Set.of("broken.jpg"), d.unreadable().keySet().stream().map(TrainingData.Source::relative)
                .collect(Collectors.toSet()));
        assertTrue(log.stream().anyMatch(l -> l.contains("unreadable") && l.contains("broken.jpg")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.contains("gray") && l.contains("gray.png")), log.toString());
    }

    @Test
    void emptyMissingAndAllGrayFoldersFailWithAMessage(@TempDir Path tmp) throws Exception {
        TrainException empty = assertThrows(TrainException.class, () -> load(tmp, 16));
        assertTrue(empty.getMessage().contains("holds no images"), empty.getMessage());
        TrainException missing = assertThrows(TrainException.class, () -> load(tmp.resolve("nope"), 16));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        SyntheticScenes.writeGray(tmp.resolve("g1.png"), 20, 20);
        SyntheticScenes.writeGray(tmp.resolve("g2.png"), 20, 20);
        Files.writeString(tmp.resolve("x.png"), "garbage");
        TrainException gray = assertThrows(TrainException.class, () -> load(tmp, 16));
        assertTrue(gray.getMessage().contains("0 usable color image(s) of 3 (2 gray, 1 unreadable)"), gray.getMessage());
    }

    @Test
    void aManifestSuppliesLicensesAndSources(@TempDir Path tmp) throws Exception {
        Path scenes = tmp.resolve("corpus/scenes");
        SyntheticScenes.write(scenes, 4, 40, 32, 6);
        Files.writeString(tmp.resolve("corpus/manifest.tsv"), String.join("\n",
                "path\tsha256\tpackage\tlicense\tkind",
                "scenes/scene-00.png\tx\tmate-backgrounds\tGPL-2.0+\tscene",
                "scenes/scene-01.png\tx\tmate-backgrounds\tGPL-2.0+\tscene",
                "scenes/scene-02.jpg\tx\tlxqt-themes\tCC-BY-SA-4.0\tscene", ""));
        TrainingData d = load(scenes, 16);
        assertEquals(tmp.resolve("corpus/manifest.tsv").toAbsolutePath().normalize(), d.manifest());
        assertEquals(2, d.licenses().get("GPL-2.0+"));
        assertEquals(1, d.licenses().get("CC-BY-SA-4.0"));
        assertEquals(1, d.licenses().get(TrainingData.UNKNOWN_LICENSE));
        assertEquals(List.of("GPL-2.0+", "CC-BY-SA-4.0", "unknown"), new ArrayList<>(d.licenses().keySet()));
        assertEquals(2, d.packages().get("mate-backgrounds"));
        TrainingData whole = load(tmp.resolve("corpus"), 16);
        assertEquals(2, whole.licenses().get("GPL-2.0+"));
    }

    @Test
    void withTheManifestsHashesTheSplitIsTheSameAtEveryCropSize(@TempDir Path tmp) throws Exception {
        Path scenes = tmp.resolve("corpus/scenes");
        SyntheticScenes.write(scenes, 12, 64, 48, 6);
        List<String> lines = new ArrayList<>(List.of("path\tpackage\tlicense\tkind\tphash"));
        try (var files = Files.list(scenes)) {
            int i = 0;
            for (Path f : files.sorted().toList()) {
                // pictures 0 and 1 are one scene by their hashes (1 bit apart); the others far apart
                long h = i == 0 ? 0xffL : i == 1 ? 0xfeL : new java.util.Random(i).nextLong();
                String hash = String.format("%016x", h);
                lines.add("scenes/" + f.getFileName() + "\tp\tGPL-2.0+\tscene\t" + hash);
                i++;
            }
        }
        Files.writeString(tmp.resolve("corpus/manifest.tsv"), String.join("\n", lines) + "\n");
        TrainingData small = TrainingData.load(scenes, 8, 0.3, s -> { }, () -> false);
        TrainingData large = TrainingData.load(scenes, 24, 0.3, s -> { }, () -> false);
        assertEquals(names(small.validation()), names(large.validation()));
        assertTrue(!small.validation().isEmpty() && !small.train().isEmpty());
        for (TrainingData.Item it : small.train()) assertEquals(16, it.source().phash().length(), it.source().toString());
        TrainingData.Item first = item(small, "scene-00.png");
        TrainingData.Item second = item(small, "scene-01.png");
        assertEquals(first.splitKey(), second.splitKey(), "pictures one bit apart in the manifest share a key");
    }

    private static TrainingData.Item item(TrainingData d, String name) {
        return java.util.stream.Stream.concat(d.train().stream(), d.validation().stream())
                .filter(it -> it.source().relative().endsWith(name)).findFirst().orElseThrow();
    }

    @Test
    void imagesAreCachedAtTwiceTheCropSize(@TempDir Path tmp) throws Exception {
        SyntheticScenes.write(tmp, 3, 200, 150, 8);
        TrainingData d = load(tmp, 32);
        assertEquals(64, d.cacheSide());
        for (TrainingData.Item it : d.train()) assertEquals(64, it.image().shortSide());
        assertNull(null);
    }

    @Test
    void batchesAreAPureFunctionOfSeedAndStep(@TempDir Path tmp) throws Exception {
        SyntheticScenes.write(tmp, 6, 64, 48, 9);
        List<RgbImage> images = load(tmp, 16).trainImages();
        BatchMaker a = new BatchMaker(images, 16, 4, BatchTargets.AB_ONLY, 5);
        BatchMaker b = new BatchMaker(images, 16, 4, BatchTargets.AB_ONLY, 5);
        Batch a3 = a.make(3);
        a.make(0);
        Batch b3 = b.make(3);
        assertArrayEquals(a3.l(), b3.l());
        assertArrayEquals(a3.ab(), b3.ab());
        assertFalse(Arrays.equals(a3.l(), a.make(4).l()));
        assertFalse(Arrays.equals(a3.l(), new BatchMaker(images, 16, 4, BatchTargets.AB_ONLY, 6).make(3).l()));
        assertEquals(4 * 16 * 16, a3.l().length);
        assertEquals(2 * a3.l().length, a3.ab().length);
        for (float v : a3.l()) assertTrue(v >= 0 && v <= 100.001, "L " + v);
        for (float v : a3.ab()) assertTrue(Math.abs(v) <= 1.2, "ab/110 " + v);
    }

    @Test
    void classTargetsAreDistributionsWithRebalancingWeights(@TempDir Path tmp) throws Exception {
        SyntheticScenes.write(tmp, 4, 64, 48, 10);
        TrainingData d = load(tmp, 16);
        AbGamut gamut = AbGamut.zhang();
        double[] counts = d.abHistogram(gamut);
        float[] w = org.colorize.color.ClassRebalancing.weights(gamut, counts, 0.5, 5);
        BatchMaker m = new BatchMaker(d.trainImages(), 16, 2, BatchTargets.softBins(w), 1);
        Batch b = m.make(0);
        int q = gamut.size();
        assertEquals(2 * 4 * 4 * q, b.soft().length);
        for (int cell = 0; cell < 2 * 4 * 4; cell++) {
            double sum = 0;
            int best = 0;
            for (int k = 0; k < q; k++) {
                sum += b.soft()[cell * q + k];
                if (b.soft()[cell * q + k] > b.soft()[cell * q + best]) best = k;
            }
            assertEquals(1, sum, 1e-4);
            assertEquals(w[best], b.weights()[cell]);
        }
    }

    @Test
    void validationCropsAreCenteredAndKeepTheirTruth(@TempDir Path tmp) throws Exception {
        // an image whose left half is red and right half blue; the center crop of a 2:1 image is half of each
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) img.setRGB(x, y, x < 32 ? 0xc02020 : 0x2020c0);
        }
        RgbImage im = RgbImage.fromArgb(64, 32, img.getRGB(0, 0, 64, 32, null, 0, 64));
        Batch b = new BatchMaker(List.of(im), 16, 1, BatchTargets.AB_ONLY, 1).validation(List.of(im, im, im), 2).get(0);
        assertEquals(2, b.count());
        assertEquals(0xffc02020, b.truth()[0]);
        assertEquals(0xff2020c0, b.truth()[15]);
        assertTrue(b.ab()[0] > 0.3, "red: a > 0");
        assertTrue(b.ab()[2 * 15 + 1] < -0.3, "blue: b < 0");
        // gray baseline PSNR is finite, perfect ab gives ~the 8-bit rounding limit
        ProductPathScore score = new ProductPathScore(org.colorize.model.OutputEncoding.AB, null, Double.NaN);
        ProductPathScore.ProductBatch pb = score.prepare(List.of(b)).get(0);
        double gray = score.grayPsnr(pb, 0);
        float[] ab = new float[16 * 16 * 2];
        for (int i = 0; i < ab.length; i++) ab[i] = (float) (b.ab()[i] * org.colorize.nn.Siggraph17Net.AB_SCALE);
        double perfect = score.psnr(pb, 0, ab, 16);
        assertTrue(perfect > 45 && gray < 20, gray + " " + perfect);
    }

    @Test
    void areaResizeAveragesAndMirrors() {
        byte[] rgb = new byte[3 * 4 * 2];
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 2; y++) rgb[3 * (y * 4 + x)] = (byte) (x * 60);
        }
        RgbImage im = new RgbImage(4, 2, rgb);
        float[] half = AreaResize.crop(im, 0, 0, 4, 2, 2, 1, false);
        assertEquals(30, half[0], 1e-4);
        assertEquals(150, half[3], 1e-4);
        float[] mirrored = AreaResize.crop(im, 0, 0, 4, 2, 2, 1, true);
        assertEquals(150, mirrored[0], 1e-4);
        float[] third = AreaResize.crop(im, 0, 0, 4, 2, 3, 2, false);
        assertEquals((0 + 60 / 3.0) / (4 / 3.0), third[0], 1e-3);
    }

    @Test
    void lrSchedules() {
        assertEquals(3e-4, LrSchedule.CONSTANT.rate(3e-4, 50, 100));
        assertEquals(1.0, LrSchedule.COSINE.rate(1, 0, 101), 1e-12);
        assertEquals(0.505, LrSchedule.COSINE.rate(1, 50, 101), 1e-12);
        assertEquals(0.01, LrSchedule.COSINE.rate(1, 100, 101), 1e-12);
        assertEquals(0.1, LrSchedule.STEP.rate(1, 70, 101), 1e-12);
    }
}
