package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colorize.model.TinyModels;
import org.colorize.pipeline.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client: an unmodified ImageJ 1.54 (ij.jar from Maven Central) started under Xvfb on
 * the packaged install tree (our jar in plugins/, dependencies in jars/), running a macro that
 * calls run("Colorize...", ...) and saves the result.
 */
class ColorizeInImageJIT {

    @Test
    void macroRunsColorizeFromTheMenuInARealImageJ(@TempDir Path dir) throws Exception {
        Path tree = Paths.get(System.getProperty("colorize.installTree", "target/imagej")).toAbsolutePath();
        assertTrue(Files.isRegularFile(tree.resolve("ij.jar")), "install tree with ij.jar at " + tree);
        Path input = dir.resolve("scene.tif");
        new FileSaver(TestImages.gray8("scene", 160, 120)).saveAsTiff(input.toString());
        Path png = dir.resolve("result.png");
        Path tif = dir.resolve("result.tif");
        Path macro = dir.resolve("colorize.ijm");
        Files.writeString(macro, String.join("\n",
                "open(\"" + input + "\");",
                "run(\"Colorize...\", \"model=[" + TinyModels.regression() + "] device=cpu upsample=guided bogus=1\");",
                "print(\"result title: \" + getTitle() + \" bitDepth: \" + bitDepth());",
                "saveAs(\"Tiff\", \"" + tif + "\");",
                "saveAs(\"PNG\", \"" + png + "\");",
                ""), StandardCharsets.UTF_8);
        Path log = dir.resolve("imagej.log");
        RealImageJ.Run run = RealImageJ.runMacro(macro, log);
        String output = run.output();
        assertTrue(run.finished(), "ImageJ finished within 5 minutes:\n" + output);
        assertTrue(output.contains("result title: scene-colorized bitDepth: 24"), output);
        assertTrue(output.contains("unknown option 'bogus'"), "unknown keys are warned about:\n" + output);
        ImagePlus result = IJ.openImage(png.toString());
        assertEquals(ImagePlus.COLOR_RGB, result.getType());
        assertEquals(160, result.getWidth());
        assertEquals(120, result.getHeight());
        ImagePlus tiff = IJ.openImage(tif.toString());
        assertTrue(String.valueOf(tiff.getProperty("Info")).contains("AI-inferred color"), "provenance saved with the image");
    }

    @Test
    void bundledHeadlessMacroColorizesThroughCallWithoutADisplay(@TempDir Path dir) throws Exception {
        Path tree = Paths.get(System.getProperty("colorize.installTree", "target/imagej")).toAbsolutePath();
        Path models = Files.createDirectories(dir.resolve("models"));
        TinyModels.copyInto(TinyModels.regression(), models.resolve("only-model"));
        Path input = dir.resolve("in.tif");
        new FileSaver(TestImages.gray8("in", 100, 80)).saveAsTiff(input.toString());
        Path output = dir.resolve("out.png");
        Path macro = Paths.get("macros/colorize_headless.ijm").toAbsolutePath();
        String classPath = tree.resolve("ij.jar") + ":" + tree.resolve("plugins") + "/*:" + tree.resolve("jars") + "/*";
        Path log = dir.resolve("headless.log");
        ProcessBuilder pb = new ProcessBuilder(List.of("java", "-Djava.awt.headless=true", "-cp", classPath, "ij.ImageJ",
                "-ijpath", tree.toString(), "-batch", macro.toString(), input + " " + output))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("COLORIZE_MODELS", models.toString());
        Process p = pb.start();
        boolean finished = p.waitFor(300, TimeUnit.SECONDS);
        if (!finished) p.destroyForcibly();
        String output2 = read(log);
        assertTrue(finished, output2);
        assertTrue(output2.contains(output.toString()) && !output2.contains("error"), output2);
        assertEquals(ImagePlus.COLOR_RGB, IJ.openImage(output.toString()).getType());
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }
}
