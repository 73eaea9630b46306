package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.model.TinyModels;
import org.colorize.pipeline.TestImages;
import org.colorize.train.TinyInstanceModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --boxes} on the command line with an instance-aware model. */
class BoxesOptionTest {
    private final CliRunner cli = new CliRunner();

    @Test
    void csvBoxesChangeTheResultAndNoneGivesTheFullImageOne(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("scene.png");
        new FileSaver(TestImages.gray8("scene", 120, 90)).saveAsPng(in.toString());
        Path csv = Files.writeString(dir.resolve("boxes.csv"), "x1,y1,x2,y2,label\n10,10,60,50,left\n70,40,115,85,right\n");
        String model = TinyInstanceModels.model().toString();
        assertEquals(0, cli.run(in.toString(), "-o", dir.resolve("csv").toString(), "--model", model, "--boxes", "csv:" + csv), cli.err());
        assertTrue(cli.err().contains("2 boxes from"), cli.err());
        assertEquals(0, cli.run(in.toString(), "-o", dir.resolve("none").toString(), "--model", model, "--boxes=none"), cli.err());
        assertTrue(cli.err().contains("No boxes found"), cli.err());
        int[] a = pixels(dir.resolve("csv/scene.png"));
        int[] b = pixels(dir.resolve("none/scene.png"));
        int differ = 0;
        for (int y = 15; y < 45; y++) for (int x = 15; x < 55; x++) if (a[y * 120 + x] != b[y * 120 + x]) differ++;
        assertTrue(differ > 600, "inside the first box " + differ + " of 1200 pixels differ");
    }

    @Test
    void boxesNeedAnInstanceAwareModelAndAKnownSource(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("x.png");
        new FileSaver(TestImages.gray8("x", 40, 40)).saveAsPng(in.toString());
        assertEquals(1, cli.run(in.toString(), "-o", dir.resolve("o").toString(), "--model", TinyModels.regression().toString(),
                "--boxes", "detector"));
        assertTrue(cli.err().contains("--boxes needs an instance-aware model"), cli.err());
        assertEquals(1, cli.run(in.toString(), "-o", dir.resolve("o").toString(), "--model", TinyInstanceModels.model().toString(),
                "--boxes", "magic"));
        assertTrue(cli.err().contains("--boxes must be one of"), cli.err());
        assertFalse(Files.exists(dir.resolve("o/x.png")));
    }

    private static int[] pixels(Path png) {
        ImagePlus imp = IJ.openImage(png.toString());
        return (int[]) imp.getProcessor().convertToRGB().getPixels();
    }
}
