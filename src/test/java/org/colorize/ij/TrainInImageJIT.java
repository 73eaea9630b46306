package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.colorize.model.ModelCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real client: an unmodified ImageJ under Xvfb on the packaged install tree runs a macro that
 * trains through Plugins > Colorize > Train Colorizer... (menu entry from plugins.config, live plot
 * window, Trainer inside ImageJ's class loader) and then colorizes with the new model.
 */
class TrainInImageJIT {

    @Test
    void macroTrainsAModelFromTheMenuAndColorizesWithIt(@TempDir Path dir) throws Exception {
        Path tree = Paths.get(System.getProperty("colorize.installTree", "target/imagej")).toAbsolutePath();
        assertTrue(Files.isRegularFile(tree.resolve("ij.jar")), "install tree with ij.jar at " + tree);
        Path data = Files.createDirectory(dir.resolve("stained sections"));
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 48; x++) img.setRGB(x, y, (120 + x * 2 + i * 20) << 16 | (60 + y) << 8 | (150 + x));
            }
            ImageIO.write(img, "png", data.resolve("section" + i + ".png").toFile());
        }
        Path model = dir.resolve("models/stains");
        Path result = dir.resolve("gray-colorized.png");
        Path macro = dir.resolve("train.ijm");
        Files.writeString(macro, String.join("\n",
                "run(\"Train Colorizer...\", \"data=[" + data + "] model=[" + model + "] steps=4 size=16 width=0.0625 head=regression"
                        + " batch=2 lr=0.001 seed=2 bogus=1\");",
                "print(\"trained: \" + File.exists(\"" + model + "/model.json\"));",
                "newImage(\"gray\", \"8-bit ramp\", 64, 48, 1);",
                "run(\"Colorize...\", \"model=[" + model + "] device=cpu\");",
                "saveAs(\"PNG\", \"" + result + "\");",
                ""), StandardCharsets.UTF_8);
        Path log = dir.resolve("imagej.log");
        RealImageJ.Run run = RealImageJ.runMacro(macro, log);
        String output = run.output();
        assertTrue(run.finished(), "ImageJ finished within 5 minutes:\n" + output);
        assertTrue(output.contains("trained: 1"), output);
        assertTrue(output.contains("unknown option 'bogus'"), "unknown keys are warned about:\n" + output);
        assertEquals(4, ModelCard.read(model).json().getAsJsonObject("training").get("steps").getAsInt());
        assertTrue(Files.isRegularFile(result), output);
    }
}
