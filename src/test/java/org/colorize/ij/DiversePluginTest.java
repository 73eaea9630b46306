package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.pipeline.TestImages;
import org.colorize.testing.Slow;
import org.colorize.train.TinyDiverseModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless entry of Plugins > Colorize > Diverse Colorizations...: files written, refusal to overwrite. */
@Slow
class DiversePluginTest {
    @TempDir
    Path dir;

    @Test
    void headlessCallWritesTheStackAndUncertaintyAndRefusesToOverwrite() throws Exception {
        Path in = dir.resolve("cells.png");
        new FileSaver(TestImages.gray8("cells", 70, 50)).saveAsPng(in.toString());
        String options = "input=[" + in + "] output=[" + dir + "] method=gan model=[" + TinyDiverseModels.gan() + "] samples=2 seed=3";
        String result = DiversePlugin.sample(options);
        assertEquals(dir.resolve("cells_diverse.tif").toString(), result);
        ImagePlus stack = IJ.openImage(result);
        assertEquals(2, stack.getStackSize());
        assertEquals("gan seed=3 sample=1/2", stack.getStack().getSliceLabel(1));
        assertTrue(Files.isRegularFile(dir.resolve("cells_uncertainty.tif")));
        String again = DiversePlugin.sample(options);
        assertTrue(again.startsWith("error: ") && again.contains("already exists"), again);
        assertTrue(DiversePlugin.sample("input=[" + in + "] output=[" + dir + "] method=nope").startsWith("error: "));
    }
}
