package org.colorize.ij;

import org.colorize.testing.Slow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.colorize.model.ModelCard;
import org.colorize.train.Head;
import org.colorize.train.TrainOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Slow
class TrainPluginTest {
    @Test
    void macroOptionsBecomeTrainOptionsAndBadValuesNameTheKey(@TempDir Path tmp) {
        TrainOptions o = TrainPlugin.fromMacro("data=[" + tmp + "/my images] model=[" + tmp + "/models/stains] steps=500 size=64"
                + " width=0.5 head=classes batch=8 lr=0.001 seed=3 resume colour=red");
        assertEquals(tmp.resolve("my images"), o.data());
        assertEquals(tmp.resolve("models/stains"), o.out());
        assertEquals("stains", o.name());
        assertEquals(500, o.steps());
        assertEquals(64, o.size());
        assertEquals(0.5, o.width());
        assertEquals(Head.CLASSES, o.head());
        assertEquals(8, o.batch());
        assertEquals(1e-3, o.lr());
        assertEquals(3, o.seed());
        assertTrue(o.resume());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainPlugin.fromMacro("data=/d model=m size=12"));
        assertTrue(e.getMessage().startsWith("size"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainPlugin.fromMacro("model=m"));
        assertTrue(e.getMessage().startsWith("data="), e.getMessage());
        assertEquals("m", TrainPlugin.modelFolder("m").getFileName().toString());
    }

    @Test
    void staticEntryTrainsHeadlessAndReportsErrorsAsStrings(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(40, 32, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 40; x++) img.setRGB(x, y, (x * 6 + i * 40) << 16 | (y * 7) << 8 | 128);
            }
            ImageIO.write(img, "png", data.resolve("s" + i + ".png").toFile());
        }
        Path out = tmp.resolve("models/stains");
        String result = TrainPlugin.train("data=[" + data + "] model=[" + out + "] steps=3 size=16 width=0.0625 batch=2");
        assertEquals(out.toAbsolutePath().normalize().toString(), result);
        assertEquals("stains", ModelCard.read(out).name());
        String again = TrainPlugin.train("data=[" + data + "] model=[" + out + "] steps=3 size=16 width=0.0625 batch=2");
        assertTrue(again.startsWith("error: ") && again.contains("with resume"), again);
        String bad = TrainPlugin.train("data=[" + tmp.resolve("nowhere") + "] model=x");
        assertTrue(bad.startsWith("error: Data folder"), bad);
    }
}
