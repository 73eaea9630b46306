package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.colorize.pipeline.TestImages;
import org.colorize.train.TinyDiverseModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ImageJ 1.54 under Xvfb on the packaged install tree runs the recorded form of Plugins >
 * Colorize > Diverse Colorizations...: the labelled stack, the uncertainty map and the montage open.
 */
class DiverseInImageJIT {

    @Test
    void macroRunsDiverseColorizationsFromTheMenu(@TempDir Path dir) throws Exception {
        Path tree = Paths.get(System.getProperty("colorize.installTree", "target/imagej")).toAbsolutePath();
        assertTrue(Files.isRegularFile(tree.resolve("ij.jar")), "install tree with ij.jar at " + tree);
        Path input = dir.resolve("scene.tif");
        new FileSaver(TestImages.gray8("scene", 120, 90)).saveAsTiff(input.toString());
        Path stack = dir.resolve("stack.tif");
        Path macro = dir.resolve("diverse.ijm");
        Files.writeString(macro, String.join("\n",
                "open(\"" + input + "\");",
                "run(\"Diverse Colorizations...\", \"method=gan model=[" + TinyDiverseModels.gan() + "] samples=3 seed=2"
                        + " upsample=bilinear montage\");",
                "for (i = 1; i <= nImages; i++) { selectImage(i); print(\"open: \" + getTitle() + \" slices \" + nSlices + \" bitDepth \" + bitDepth()); }",
                "selectImage(\"scene_diverse\");",
                "saveAs(\"Tiff\", \"" + stack + "\");",
                ""), StandardCharsets.UTF_8);
        RealImageJ.Run run = RealImageJ.runMacro(macro, dir.resolve("imagej.log"));
        String output = run.output();
        assertTrue(run.finished(), "ImageJ finished within 5 minutes:\n" + output);
        assertTrue(output.contains("open: scene_diverse slices 3 bitDepth 24"), output);
        assertTrue(output.contains("open: scene_uncertainty slices 1 bitDepth 32"), output);
        assertTrue(output.contains("open: scene_montage"), output);
        ImagePlus saved = IJ.openImage(stack.toString());
        assertEquals(3, saved.getStackSize());
        assertEquals("gan seed=2 sample=3/3", saved.getStack().getSliceLabel(3));
    }
}
