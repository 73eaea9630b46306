package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.colorize.io.BadInputs;
import org.colorize.model.ModelCard;
import org.colorize.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on bad, odd and hostile inputs and faults, as a user meets them: every input
 * made here. Nothing silently wrong (exit 0 means a right result), archival files accepted,
 * causes named, data never at risk.
 */
class InputsAndFaultsTest {
    private final CliRunner cli = new CliRunner();

    private int colorize(Path out, String... inputsAndFlags) {
        cli.reset();
        String[] args = new String[inputsAndFlags.length + 4];
        System.arraycopy(inputsAndFlags, 0, args, 0, inputsAndFlags.length);
        args[inputsAndFlags.length] = "-o";
        args[inputsAndFlags.length + 1] = out.toString();
        args[inputsAndFlags.length + 2] = "--model";
        args[inputsAndFlags.length + 3] = TinyModels.regression().toString();
        return cli.run(args);
    }

    private static List<String> names(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return List.of();
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // 1. Silently wrong output

    @Test
    void truncatedJpegTiffAndPngAreRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path whole = Files.createDirectory(dir.resolve("whole"));
        Path cut = Files.createDirectory(dir.resolve("cut"));
        BadInputs.truncated(BadInputs.jpeg(whole.resolve("a.jpg"), 320, 240), cut.resolve("a.jpg"), 0.6);
        BadInputs.truncated(BadInputs.tiff(whole.resolve("b.tif"), 320, 240), cut.resolve("b.tif"), 0.6);
        BadInputs.truncated(BadInputs.png(whole.resolve("c.png"), 320, 240), cut.resolve("c.png"), 0.6);

        assertEquals(0, colorize(dir.resolve("out-whole"), whole.toString()), cli.err());
        assertEquals(List.of("a.png", "b.png", "c.png"), names(dir.resolve("out-whole")));

        Path out = dir.resolve("out-cut");
        assertEquals(1, colorize(out, cut.toString()), cli.err());
        for (String name : List.of("a.jpg", "b.tif", "c.png")) {
            assertTrue(cli.err().contains(name + ": error: the file is truncated"), name + ":\n" + cli.err());
        }
        assertTrue(cli.err().contains("3 of 3 images failed"), cli.err());
        assertEquals(List.of(), names(out), "no output of a truncated file");
        assertFalse(cli.err().contains("Exception"), cli.err());
    }

    @Test
    void evaluationRefusesATruncatedTruthWithTheReason(@TempDir Path dir) throws Exception {
        Path whole = BadInputs.png(dir.resolve("whole.png"), 320, 240);
        Path cut = BadInputs.truncated(whole, dir.resolve("cut.png"), 0.7);
        cli.reset();
        int code = cli.run("evaluate", "--truth", cut.toString(), "--baseline", "gray");
        assertTrue(code != 0, cli.err());
        assertTrue(cli.err().contains("truncated"), cli.err());
    }

    @Test
    void paletteAndOneBitImagesKeepTheirDisplayedLightness(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        BadInputs.colorPalettePng(in.resolve("palette.png"), 160, 120);
        BadInputs.shuffledGrayPalettePng(in.resolve("shuffled.png"), 160, 120);
        BadInputs.oneBitPng(in.resolve("bits.png"), 160, 120);
        Path out = dir.resolve("out");
        assertEquals(0, colorize(out, in.toString()), cli.err());
        for (String name : List.of("palette.png", "shuffled.png", "bits.png")) {
            BufferedImage shown = ImageIO.read(in.resolve(name).toFile());
            BufferedImage result = ImageIO.read(out.resolve(name).toFile());
            double dL = BadInputs.meanDeltaL(shown, result);
            assertTrue(dL < 0.5, name + ": mean |ΔL| between the displayed input and the output is " + dL);
        }
        assertTrue(cli.err().contains("palette.png: warning: Image 'palette.png' has a color table"), cli.err());
    }

    @Test
    void aFloatImageWithExtremeValuesKeepsItsLightness(@TempDir Path dir) throws Exception {
        Path in = BadInputs.extremeFloatTiff(dir.resolve("extreme.tif"), 96, 72);
        Path out = dir.resolve("out");
        assertEquals(0, colorize(out, in.toString()), cli.err());
        ImagePlus source = IJ.openImage(in.toString());
        ImagePlus result = IJ.openImage(out.resolve("extreme.tif").toString());
        assertEquals(32, result.getBitDepth());
        assertEquals(3, result.getNChannels());
        float[] v = (float[]) source.getProcessor().getPixels();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
        }
        float[][] rgb = new float[3][];
        for (int c = 0; c < 3; c++) rgb[c] = (float[]) result.getStack().getPixels(c + 1);
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            for (int c = 0; c < 3; c++) assertTrue(Float.isFinite(rgb[c][i]), "finite output at " + i);
            double lIn = org.colorize.color.Lab.lightnessOfGray((v[i] - min) / (max - min));
            double lOut = BadInputs.lightness((rgb[0][i] - min) / (max - min), (rgb[1][i] - min) / (max - min),
                    (rgb[2][i] - min) / (max - min));
            sum += Math.abs(lIn - lOut);
        }
        double dL = sum / v.length;
        assertTrue(dL < 0.5, "mean |ΔL| " + dL);
    }

    @Test
    void aTemperatureThatIsNoNumberIsABadValue(@TempDir Path dir) throws Exception {
        Path in = BadInputs.png(dir.resolve("x.png"), 64, 48);
        for (String t : List.of("NaN", "Infinity", "-Infinity")) {
            assertEquals(2, colorize(dir.resolve("out"), in.toString(), "--temperature", t), t);
            assertTrue(cli.err().contains("temperature must be a finite number or default, was '" + t + "'"), cli.err());
        }
    }

    @Test
    void aCardAskingForAHugeInputNamesTheKey(@TempDir Path dir) throws Exception {
        Path model = TinyModels.copy(TinyModels.regression(), "tiny-huge-" + System.nanoTime());
        Path card = model.resolve(ModelCard.FILE_NAME);
        String text = Files.readString(card);
        assertTrue(text.contains("\"size\": 64"), text);
        Files.writeString(card, text.replace("\"size\": 64", "\"size\": 46344"));
        Path in = BadInputs.png(dir.resolve("x.png"), 64, 48);
        cli.reset();
        int code = cli.run(in.toString(), "-o", dir.resolve("out").toString(), "--model", model.toString());
        assertEquals(1, code, cli.err());
        assertTrue(cli.err().contains("'components.full-image.signature.inputs.l.size' must be at most 4096"), cli.err());
        assertFalse(cli.err().contains("Exception"), cli.err());
    }

    // 2. Archival files

    @Test
    void sixteenBitRgbPngAndTiffGiveASixteenBitRgbResultWithTheirLightness(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        BadInputs.rgb48(in.resolve("scan-png.png"), "png", 120, 90);
        BadInputs.rgb48(in.resolve("scan-tif.tif"), "tiff", 120, 90);
        Path out = dir.resolve("out");
        assertEquals(0, colorize(out, in.toString()), cli.err());
        assertTrue(cli.err().contains("is 16-bit RGB: its existing colors are discarded"), cli.err());
        BufferedImage scene = BadInputs.rgb48Scene(120, 90);
        for (String name : List.of("scan-png", "scan-tif")) {
            Path result = out.resolve(name + ".png");
            BufferedImage image = ImageIO.read(result.toFile());
            assertEquals(3, image.getRaster().getNumBands(), name);
            assertEquals(16, image.getColorModel().getComponentSize(0), name + ": 16 bits per channel");
            double dL = BadInputs.meanDeltaL16(scene, image);
            assertTrue(dL < 0.05, name + ": mean |ΔL| at 16-bit precision " + dL);
            assertTrue(org.colorize.io.ImageFiles.pngText(result, "Description").contains("AI-inferred color"), name);
        }
        // ... and evaluation reads both the 16-bit RGB truth and the 16-bit RGB result.
        cli.reset();
        int code = cli.run("evaluate", "--truth", in.resolve("scan-png.png").toString(), "--pred", out.resolve("scan-png.png").toString());
        assertEquals(0, code, cli.err());
        assertTrue(cli.out().contains("scan-png"), cli.out());
    }

    @Test
    void aCmykJpegIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        Path in = BadInputs.cmykJpeg(dir.resolve("print.jpg"), 64, 48);
        assertEquals(1, colorize(dir.resolve("out"), in.toString()), cli.err());
        assertTrue(cli.err().contains("print.jpg: error: it is a CMYK JPEG") && cli.err().contains("convert it to"), cli.err());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("\tat "), cli.err());
    }

    // 3. Causes named

    @Test
    void anOutputFolderThatIsAFileOrUnderProcIsNamedSo(@TempDir Path dir) throws Exception {
        Path in = BadInputs.png(dir.resolve("x.png"), 64, 48);
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        assertEquals(1, colorize(file, in.toString()));
        assertTrue(cli.err().contains("notes.txt is a file, not a folder"), cli.err());
        assertEquals(1, colorize(file.resolve("sub"), in.toString()));
        assertTrue(cli.err().contains("notes.txt is a file, not a folder"), cli.err());
        assertEquals("a file", Files.readString(file));
        assertEquals(1, colorize(Path.of("/proc/colorize-out"), in.toString()));
        assertTrue(cli.err().contains("lies in /proc"), cli.err());
    }

    @Test
    void aModelWithoutItsWeightsAndCardsOfTheWrongTypeNameTheProblem(@TempDir Path dir) throws Exception {
        Path in = BadInputs.png(dir.resolve("x.png"), 64, 48);
        Path noWeights = TinyModels.copy(TinyModels.regression(), "tiny-no-variables-" + System.nanoTime());
        org.colorize.files.AtomicFiles.deleteTree(noWeights.resolve("variables"));
        cli.reset();
        assertEquals(1, cli.run(in.toString(), "-o", dir.resolve("o").toString(), "--model", noWeights.toString()));
        assertTrue(cli.err().contains("has no variables folder"), cli.err());

        for (String[] edit : List.of(new String[] {"\"size\": 64", "\"size\": \"64\"", "inputs.l.size' must be a number"},
                new String[] {"\"size\": 64", "\"size\": 64.5", "inputs.l.size' must be a whole number"})) {
            Path model = TinyModels.copy(TinyModels.regression(), "tiny-typed-" + System.nanoTime());
            Path card = model.resolve(ModelCard.FILE_NAME);
            Files.writeString(card, Files.readString(card).replace(edit[0], edit[1]));
            cli.reset();
            assertEquals(1, cli.run(in.toString(), "-o", dir.resolve("o").toString(), "--model", model.toString()));
            assertTrue(cli.err().contains(edit[2]), cli.err());
            assertFalse(cli.err().contains("NumberFormatException"), cli.err());
        }
    }

    // 4. Data at risk

    @Test
    void anOutputIsNeverItsOwnInputWhateverTheFlags(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectory(dir.resolve("photos"));
        Path a = BadInputs.png(in.resolve("a.png"), 64, 48);
        byte[] before = Files.readAllBytes(a);
        for (String[] flags : List.of(new String[0], new String[] {"--overwrite"}, new String[] {"--skip-existing"})) {
            String[] args = new String[flags.length + 1];
            args[0] = in.toString();
            System.arraycopy(flags, 0, args, 1, flags.length);
            assertEquals(1, colorize(in, args), String.join(" ", flags));
            assertTrue(cli.err().contains("is the input file itself; it is left as it is"), cli.err());
            assertArrayEquals(before, Files.readAllBytes(a), "the source is untouched with " + String.join(" ", flags));
        }
        // The same through a link to the input folder.
        Path link = Files.createSymbolicLink(dir.resolve("link"), in);
        assertEquals(1, colorize(link, a.toString(), "--overwrite"));
        assertArrayEquals(before, Files.readAllBytes(a));
        assertEquals(List.of("a.png"), names(in));
    }

    @Test
    void aRerunWithSkipExistingFinishesTheBatchAndRemovesOurLeftovers(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (String n : List.of("a", "b", "c")) BadInputs.png(in.resolve(n + ".png"), 64, 48);
        Path out = Files.createDirectory(dir.resolve("out"));
        assertEquals(0, colorize(out, in.resolve("a.png").toString()), cli.err());
        byte[] a = Files.readAllBytes(out.resolve("a.png"));
        // What a kill during a write leaves: our temporary file, beside someone else's file of that pattern.
        Files.writeString(out.resolve(".b.png.5f3a9c01d2e4b6a7.part"), "half a png");
        Files.writeString(out.resolve(".notes.txt.part"), "not ours");

        assertEquals(0, colorize(out, in.toString(), "--skip-existing"), cli.err());
        assertTrue(cli.err().contains("a.png: skipped (") && cli.err().contains("1 of 3 images skipped"), cli.err());
        assertTrue(cli.err().contains("removed 1 temporary file"), cli.err());
        assertArrayEquals(a, Files.readAllBytes(out.resolve("a.png")), "a finished output is not written again");
        assertEquals(List.of(".notes.txt.part", "a.png", "b.png", "c.png"), names(out));

        assertEquals(1, colorize(out, in.toString()), "a plain rerun reports the existing outputs");
        assertTrue(cli.err().contains("a.png: error: Output") && cli.err().contains("--skip-existing"), cli.err());
        assertTrue(cli.err().contains("3 of 3 images failed"), cli.err());

        assertEquals(2, colorize(out, in.toString(), "--skip-existing", "--overwrite"));
        assertTrue(cli.err().contains("contradict"), cli.err());
    }
}
