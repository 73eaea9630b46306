package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code colorize train}: exit codes and messages for bad usage and bad data, the split listing (no training runs here). */
class TrainCommandTest {
    private final CliRunner cli = new CliRunner();

    private int run(String... args) {
        return cli.run(args);
    }

    private String err() {
        return cli.err();
    }

    @Test
    void helpExitsZero() {
        assertEquals(0, run("train", "--help"));
        assertTrue(cli.out().startsWith("usage: colorize train"));
    }

    @Test
    void badUsageExitsTwoWithTheProblemFirst() {
        String[][] cases = {
                {"train"}, // no --data
                {"train", "--data", "d"}, // no --out
                {"train", "--data", "d", "--out", "models/m", "--size", "30"},
                {"train", "--data", "d", "--out", "models/m", "--head", "softmax"},
                {"train", "--data", "d", "--out", "models/m", "--colour", "red"},
                {"train", "--data", "d", "--out", "models/m", "--steps"},
                {"train", "--data", "d", "--out", "models/m", "extra"},
                {"train", "--data", "d", "--data", "e", "--out", "models/m"}};
        String[] expected = {"no data folder", "no output model folder", "size must be", "head must be",
                "unknown option --colour", "--steps needs a value", "unexpected argument 'extra'", "--data given twice"};
        for (int i = 0; i < cases.length; i++) {
            cli.reset();
            assertEquals(2, run(cases[i]), String.join(" ", cases[i]));
            assertTrue(err().startsWith("colorize train: " + expected[i]), err());
            assertTrue(err().contains("usage: colorize train"));
        }
    }

    @Test
    void badDataExitsOneWithAMessage(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertEquals(1, run("train", "--data", empty.toString(), "--out", tmp.resolve("models/m").toString()));
        assertTrue(err().contains("holds no images") && !err().contains("Exception"), err());
        cli.reset();
        Files.writeString(empty.resolve("a.jpg"), "not an image");
        Files.writeString(empty.resolve("b.png"), "not an image");
        assertEquals(1, run("train", "--data", empty.toString(), "--out", tmp.resolve("models/m").toString()));
        assertTrue(err().contains("0 usable color image(s) of 2 (0 gray, 2 unreadable)"), err());
        assertTrue(err().contains("a.jpg"), "names the unreadable files: " + err());
        cli.reset();
        assertEquals(1, run("train", "--data", tmp.resolve("missing").toString(), "--out", tmp.resolve("models/m").toString()));
        assertTrue(err().contains("does not exist"), err());
    }

    @Test
    void anExistingModelFolderIsNotReplacedWithoutOverwrite(@TempDir Path tmp) throws Exception {
        Path model = Files.createDirectories(tmp.resolve("models/m"));
        ModelCards.write(ModelCards.builder("m").component(ModelCard.FULL_IMAGE, c -> c.input("l", InputEncoding.L, 64)
                .output("ab", OutputEncoding.AB)).build(), model);
        String card = Files.readString(model.resolve(ModelCard.FILE_NAME));
        Path data = Files.createDirectory(tmp.resolve("data"));
        assertEquals(1, run("train", "--data", data.toString(), "--out", model.toString()));
        assertTrue(err().contains("exists") && err().contains("--overwrite"), err());
        assertEquals(card, Files.readString(model.resolve(ModelCard.FILE_NAME)));
    }

    @Test
    void listValidationPrintsTheHeldOutImagesAndTrainsNothing(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data/sub"));
        SplittableRandom r = new SplittableRandom(7);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            // noise pictures: no two are look-alikes, so the split is the documented path rule alone
            BufferedImage im = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 40; y++) for (int x = 0; x < 48; x++) im.setRGB(x, y, r.nextInt(1 << 24));
            String name = (i % 2 == 0 ? "sub/" : "") + "p" + i + ".png";
            ImageIO.write(im, "png", data.getParent().resolve(name).toFile());
            if (pathKey(name) < 0.3) expected.add(name);
        }
        expected.sort(null);
        assertTrue(!expected.isEmpty() && expected.size() < 24, "the fixture holds both sides: " + expected);
        Path root = data.getParent();
        assertEquals(0, run("train", "--data", root.toString(), "--val-fraction", "0.3", "--list-validation"), err());
        assertEquals(expected, cli.out().lines().toList());
        try (var beside = Files.list(tmp)) {
            assertTrue(beside.allMatch(p -> p.equals(root)), "nothing written beside the data");
        }
        cli.reset();
        assertEquals(2, run("train", "--data", root.toString(), "--val-fraction", "0.7", "--list-validation"));
        assertTrue(err().startsWith("colorize train: val-fraction must be in (0, 0.5)"), err());
    }

    /** The trainer's documented split key: the first 53 bits of the SHA-256 of the relative path, in [0, 1). */
    private static double pathKey(String relative) throws Exception {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(relative.getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xff);
        return (v >>> 11) * 0x1.0p-53;
    }
}
