package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.colorize.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ImageJ 1 under Xvfb runs Plugins > Colorize > Colorize with Hints... from a macro with two
 * point ROIs of different colors in the ROI Manager (red on a roof, blue on the water of a gray
 * photo) and the default model; the result is redder at the red point and bluer at the blue one
 * than the plain Colorize..., its Info records the hints, and the macro form read back from that
 * Info ({@code hints=[...]}, no ROIs) replays to the same pixels.
 */
@Slow
class ColorizeHintsInImageJIT {
    private static final int RED_X = 330;
    private static final int RED_Y = 450;
    private static final int BLUE_X = 500;
    private static final int BLUE_Y = 615;

    @Test
    void twoPointRoisOfDifferentColorsColorTheirPlaces(@TempDir Path dir) throws Exception {
        Path input = Paths.get("samples/nagasaki-boats.png").toAbsolutePath();
        Path model = Paths.get("models/colorize-semantic").toAbsolutePath();
        Path hinted = dir.resolve("hinted.tif");
        Path replayed = dir.resolve("replayed.tif");
        Path plain = dir.resolve("plain.tif");
        Path macro = dir.resolve("hints.ijm");
        Files.writeString(macro, String.join("\n",
                "open(\"" + input + "\");",
                "id = getImageID();",
                "makePoint(" + RED_X + ", " + RED_Y + ");",
                "Roi.setStrokeColor(\"#ff0000\");",
                "roiManager(\"add\");",
                "makePoint(" + BLUE_X + ", " + BLUE_Y + ");",
                "Roi.setStrokeColor(\"#0000ff\");",
                "roiManager(\"add\");",
                "run(\"Select None\");",
                "run(\"Colorize with Hints...\", \"model=[" + model + "] points=manager\");",
                "info = getMetadata(\"Info\");",
                "i = indexOf(info, \"hints=[\");",
                "hints = substring(info, i + 7, indexOf(info, \"]\", i));",
                "print(\"recorded hints: \" + hints);",
                "saveAs(\"Tiff\", \"" + hinted + "\");",
                "selectImage(id);",
                "roiManager(\"reset\");",
                "run(\"Colorize with Hints...\", \"model=[" + model + "] hints=[\" + hints + \"]\");",
                "saveAs(\"Tiff\", \"" + replayed + "\");",
                "selectImage(id);",
                "run(\"Colorize...\", \"model=[" + model + "]\");",
                "saveAs(\"Tiff\", \"" + plain + "\");",
                ""), StandardCharsets.UTF_8);
        RealImageJ.Run run = RealImageJ.runMacro(macro, dir.resolve("imagej.log"));
        String out = run.output();
        assertTrue(run.finished(), "ImageJ finished within 5 minutes:\n" + out);
        assertTrue(out.contains("recorded hints: " + RED_X + "," + RED_Y + ",#ff0000;" + BLUE_X + "," + BLUE_Y + ",#0000ff"),
                "the Info records both points with their colors:\n" + out);
        assertTrue(out.contains("2 point hint(s)"), out);
        int w = IJ.openImage(hinted.toString()).getWidth();
        int[] h = (int[]) IJ.openImage(hinted.toString()).getProcessor().getPixels();
        int[] r = (int[]) IJ.openImage(replayed.toString()).getProcessor().getPixels();
        int[] p = (int[]) IJ.openImage(plain.toString()).getProcessor().getPixels();
        assertArrayEquals(h, r, "the macro form of the hints replays to the same pixels");
        double[] hintedRed = meanAb(h, w, RED_X, RED_Y);
        double[] plainRed = meanAb(p, w, RED_X, RED_Y);
        double[] hintedBlue = meanAb(h, w, BLUE_X, BLUE_Y);
        double[] plainBlue = meanAb(p, w, BLUE_X, BLUE_Y);
        assertTrue(hintedRed[0] > plainRed[0] + 5, "redder (a up) at the red point: " + hintedRed[0] + " vs " + plainRed[0]);
        assertTrue(hintedBlue[1] < plainBlue[1] - 5, "bluer (b down) at the blue point: " + hintedBlue[1] + " vs " + plainBlue[1]);
    }

    /** Mean a, b over the 9×9 pixels around (x, y). */
    static double[] meanAb(int[] rgb, int width, int x, int y) {
        return org.colorize.eval.SyntheticImages.meanAb(rgb, width, rgb.length / width, x, y, 4);
    }
}
