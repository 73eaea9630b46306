package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance stages' pictures: split by content into disjoint roles, and composed without touching the scenes. */
class InstanceSamplesTest {
    @Test
    void rolesCoverTheKeysInTheirShares() {
        assertEquals(InstanceRole.NETS, InstanceRole.of(0));
        assertEquals(InstanceRole.NETS, InstanceRole.of(0.4999));
        assertEquals(InstanceRole.FUSION, InstanceRole.of(0.5));
        assertEquals(InstanceRole.FUSION, InstanceRole.of(0.7999));
        assertEquals(InstanceRole.HELD_OUT, InstanceRole.of(0.8));
        assertEquals(InstanceRole.HELD_OUT, InstanceRole.of(0.9999));
        double sum = 0;
        for (InstanceRole r : InstanceRole.values()) sum += r.fraction();
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void lookAlikeScenesShareARoleAndCompositesLeaveTheSceneAlone(@TempDir Path corpus) throws Exception {
        Random rnd = new Random(4);
        Path scenes = Files.createDirectories(corpus.resolve("scenes/pkg"));
        Path cutouts = Files.createDirectories(corpus.resolve("cutouts/pkg"));
        BufferedImage twin = blocks(rnd);
        // the same picture under many names: by name alone they would land in different roles
        for (int i = 0; i < 12; i++) ImageIO.write(twin, "png", scenes.resolve("copy" + i + ".png").toFile());
        for (int i = 0; i < 20; i++) ImageIO.write(blocks(rnd), "png", scenes.resolve("other" + i + ".png").toFile());
        for (int i = 0; i < 6; i++) ImageIO.write(cutout(rnd), "png", cutouts.resolve("cut" + i + ".png").toFile());
        InstanceSamples maker = new InstanceSamples(32, 16, 8);
        List<String> log = new ArrayList<>();
        InstanceSamples.Pictures pictures = maker.pictures(corpus, 1, log::add);
        assertEquals(32, pictures.scenes().size());
        assertEquals(6, pictures.cutouts().size());
        Map<InstanceRole, Long> copies = pictures.scenes().stream().filter(s -> s.relative().contains("copy"))
                .collect(Collectors.groupingBy(InstanceSamples.Scene::role, Collectors.counting()));
        assertEquals(1, copies.size(), "all copies in one role: " + copies);
        assertTrue(pictures.scenes().stream().map(InstanceSamples.Scene::role).distinct().count() > 1, "the others spread over roles");
        assertTrue(log.get(0).contains("split by content"), log.toString());

        List<InstanceSamples.Scene> some = pictures.scenes().subList(0, 3);
        int[] before = some.get(0).canvas().argb.clone();
        List<InstanceSample> made = maker.composites(List.of(some.get(0)), pictures.cutouts(), 4, 9, log::add);
        assertEquals(4, made.size());
        assertTrue(made.stream().allMatch(s -> !s.boxes().isEmpty()), "each composite has a pasted box");
        assertArrayEquals(before, some.get(0).canvas().argb, "the scene's own canvas is not pasted on");
        assertFalse(made.get(0).cropL().isEmpty());
    }

    @Test
    void theHeldOutScenesAreThoseNoStageTrainsOn(@TempDir Path corpus) throws Exception {
        Random rnd = new Random(6);
        Path scenes = Files.createDirectories(corpus.resolve("scenes/pkg"));
        Files.createDirectories(corpus.resolve("cutouts/pkg"));
        for (int i = 0; i < 30; i++) ImageIO.write(blocks(rnd), "png", scenes.resolve("s" + i + ".png").toFile());
        List<String> heldOut = InstanceAwareTraining.heldOutScenes(corpus).stream().map(p -> corpus.relativize(p).toString()).toList();
        List<String> expected = new InstanceSamples(32, 16, 8).pictures(corpus, 7, s -> {}).scenes(InstanceRole.HELD_OUT).stream()
                .map(InstanceSamples.Scene::relative).sorted().toList();
        assertFalse(heldOut.isEmpty());
        assertEquals(expected, heldOut, "the same scenes, whatever the trainer's seed");
    }

    @Test
    void aLoneCutOutMayFillTheFrameAsInACloseUp(@TempDir Path corpus) throws Exception {
        Random rnd = new Random(5);
        Path scenes = Files.createDirectories(corpus.resolve("scenes/pkg"));
        Path cutouts = Files.createDirectories(corpus.resolve("cutouts/pkg"));
        ImageIO.write(blocks(rnd), "png", scenes.resolve("scene.png").toFile());
        ImageIO.write(cutout(rnd), "png", cutouts.resolve("cut.png").toFile());
        InstanceSamples maker = new InstanceSamples(32, 16, 8);
        InstanceSamples.Pictures pictures = maker.pictures(corpus, 1, s -> {});
        double widest = 0;
        double widestShared = 0;
        for (InstanceSample s : maker.composites(pictures.scenes(), pictures.cutouts(), 80, 3, s -> {})) {
            for (var b : s.boxes()) {
                double side = (b.x2() - b.x1()) / 32;
                if (s.boxes().size() == 1) widest = Math.max(widest, side);
                else widestShared = Math.max(widestShared, side);
            }
        }
        // the disc fills 56/64 of its pasted square
        assertTrue(widest > 0.7, "a lone cut-out reaches a close-up's size: " + widest);
        assertTrue(widestShared <= InstanceSamples.MAX_CUTOUT_SIDE + 1e-9, "cut-outs that share the canvas stay smaller: " + widestShared);
    }

    /** 8×8 blocks of random colors on 128²: pictures no two of which look alike. */
    private static BufferedImage blocks(Random rnd) {
        BufferedImage img = new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB);
        for (int by = 0; by < 8; by++) {
            for (int bx = 0; bx < 8; bx++) {
                int c = rnd.nextInt(1 << 24);
                for (int y = 0; y < 16; y++) for (int x = 0; x < 16; x++) img.setRGB(bx * 16 + x, by * 16 + y, c);
            }
        }
        return img;
    }

    /** An opaque disc of one color on transparency. */
    private static BufferedImage cutout(Random rnd) {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        int c = 0xff000000 | rnd.nextInt(1 << 24);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                if ((x - 32) * (x - 32) + (y - 32) * (y - 32) < 28 * 28) img.setRGB(x, y, c);
            }
        }
        return img;
    }
}
