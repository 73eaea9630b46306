package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.colorize.io.BadInputs;
import org.colorize.model.ModelCard;
import org.colorize.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless {@code call()} entry on bad inputs: always a path or "error: …", never a wrong result. */
class CallFaultsTest {
    private static String call(String options) {
        return ColorizePlugin.colorize(options + " model=[" + TinyModels.regression() + "] device=cpu");
    }

    @Test
    void fileNamesWithBracketsAreReadWhole(@TempDir Path dir) throws Exception {
        Path in = BadInputs.png(dir.resolve("scan [1] of [2].png"), 64, 48);
        Path out = dir.resolve("out [1].png");
        assertEquals(out.toString(), call("input=[" + in + "] output=[" + out + "]"));
        assertEquals(64, IJ.openImage(out.toString()).getWidth());
        Map<String, String> m = MacroOptions.parse("input=[a].tif] output=[b [x].png] flag key='quoted value'");
        assertEquals("a].tif", m.get("input"));
        assertEquals("b [x].png", m.get("output"));
        assertEquals("true", m.get("flag"));
        assertEquals("quoted value", m.get("key"));
        assertEquals("[scan [1].tif]", MacroOptions.quote("scan [1].tif"));
    }

    @Test
    void truncatedAndCmykFilesAreErrors(@TempDir Path dir) throws Exception {
        Path cut = BadInputs.truncated(BadInputs.jpeg(dir.resolve("whole.jpg"), 320, 240), dir.resolve("cut.jpg"), 0.5);
        String r = call("input=[" + cut + "] output=[" + dir.resolve("o.png") + "]");
        assertTrue(r.startsWith("error: Cannot open " + cut + ": the file is truncated"), r);
        Path cmyk = BadInputs.cmykJpeg(dir.resolve("cmyk.jpg"), 64, 48);
        r = call("input=[" + cmyk + "] output=[" + dir.resolve("o.png") + "]");
        assertTrue(r.startsWith("error: ") && r.contains("CMYK"), r);
        assertTrue(!Files.exists(dir.resolve("o.png")));
    }

    @Test
    void aHugeCardAndANanTemperatureAreErrorsNotNumbers(@TempDir Path dir) throws Exception {
        Path model = TinyModels.copy(TinyModels.regression(), "tiny-huge-call-" + System.nanoTime());
        Path card = model.resolve(ModelCard.FILE_NAME);
        Files.writeString(card, Files.readString(card).replace("\"size\": 64", "\"size\": 46344"));
        Path in = BadInputs.png(dir.resolve("x.png"), 64, 48);
        String r = ColorizePlugin.colorize("input=[" + in + "] output=[" + dir.resolve("o.png") + "] model=[" + model + "]");
        assertTrue(r.startsWith("error: ") && r.contains("size' must be at most 4096"), r);
        r = call("input=[" + in + "] output=[" + dir.resolve("o.png") + "] temperature=NaN");
        assertTrue(r.startsWith("error: temperature must be a finite number"), r);
    }

    @Test
    void theOutputIsNeverTheInput(@TempDir Path dir) throws Exception {
        Path in = BadInputs.png(dir.resolve("x.png"), 64, 48);
        byte[] before = Files.readAllBytes(in);
        String r = call("input=[" + in + "] output=[" + in + "] overwrite");
        assertTrue(r.startsWith("error: ") && r.contains("is the input file itself"), r);
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void aSixteenBitRgbFileGivesASixteenBitRgbPng(@TempDir Path dir) throws Exception {
        Path in = BadInputs.rgb48(dir.resolve("scan.png"), "png", 80, 60);
        Path out = dir.resolve("scan-colorized.png");
        assertEquals(out.toString(), call("input=[" + in + "] output=[" + out + "]"));
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(16, image.getColorModel().getComponentSize(0));
        assertTrue(BadInputs.meanDeltaL16(BadInputs.rgb48Scene(80, 60), image) < 0.05);
        ImagePlus back = IJ.openImage(out.toString());
        assertEquals(16, back.getBitDepth());
        assertEquals(3, back.getNChannels());
    }
}
