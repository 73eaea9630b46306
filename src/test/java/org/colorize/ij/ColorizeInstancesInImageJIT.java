package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.pipeline.TestImages;
import org.colorize.train.TinyInstanceModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ImageJ 1 under Xvfb runs Plugins > Colorize > Colorize Instances... from a macro with boxes
 * from the ROI Manager (a rectangle and an oval), with the boxes' Overlay, then again with an empty
 * ROI Manager (the full-image result, said in the Log); the two results differ inside the ROIs.
 */
class ColorizeInstancesInImageJIT {

    @Test
    void macroColorizesWithBoxesFromTheRoiManager(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("scene.tif");
        new FileSaver(TestImages.gray8("scene", 160, 120)).saveAsTiff(input.toString());
        Path withRois = dir.resolve("rois.tif");
        Path without = dir.resolve("none.tif");
        String model = TinyInstanceModels.model().toString();
        Path macro = dir.resolve("instances.ijm");
        Files.writeString(macro, String.join("\n",
                "open(\"" + input + "\");",
                "id = getImageID();",
                "makeRectangle(10, 10, 60, 50);",
                "roiManager(\"add\");",
                "makeOval(90, 50, 50, 40);",
                "roiManager(\"add\");",
                "run(\"Select None\");",
                "run(\"Colorize Instances...\", \"model=[" + model + "] boxes=roi overlay\");",
                "print(\"result: \" + getTitle() + \" bitDepth: \" + bitDepth() + \" overlay: \" + Overlay.size);",
                "saveAs(\"Tiff\", \"" + withRois + "\");",
                "selectImage(id);",
                "roiManager(\"reset\");",
                "run(\"Colorize Instances...\", \"model=[" + model + "] boxes=roi\");",
                "saveAs(\"Tiff\", \"" + without + "\");",
                ""), StandardCharsets.UTF_8);
        RealImageJ.Run run = RealImageJ.runMacro(macro, dir.resolve("imagej.log"));
        String out = run.output();
        assertTrue(run.finished(), "ImageJ finished within 5 minutes:\n" + out);
        assertTrue(out.contains("result: scene-colorized bitDepth: 24 overlay: 4"), "two boxes, each a rectangle and a label:\n" + out);
        assertTrue(out.contains("2 boxes (roi)"), out);
        assertTrue(out.contains("No boxes found"), "an empty ROI Manager gives the full-image result, said in the Log:\n" + out);
        int[] a = (int[]) IJ.openImage(withRois.toString()).getProcessor().getPixels();
        ImagePlus plain = IJ.openImage(without.toString());
        int[] b = (int[]) plain.getProcessor().getPixels();
        assertEquals(160 * 120, a.length);
        int differInside = 0;
        for (int y = 15; y < 55; y++) for (int x = 15; x < 65; x++) if (a[y * 160 + x] != b[y * 160 + x]) differInside++;
        assertTrue(differInside > 1000, "the ROI boxes change the colors inside them: " + differInside + " of 2000 pixels");
    }
}
