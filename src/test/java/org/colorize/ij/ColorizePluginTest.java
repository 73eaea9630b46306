package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.colorize.image.Upsampling;
import org.colorize.runtime.DeviceChoice;
import org.colorize.model.TinyModels;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColorizePluginTest {

    @Test
    void macroOptionsParseBracketsAndFlags() {
        Map<String, String> m = MacroOptions.parse("model=[my model] device=cpu overwrite");
        assertEquals("my model", m.get("model"));
        assertEquals("cpu", m.get("device"));
        assertEquals("true", m.get("overwrite"));
    }

    @Test
    void macroOptionsBecomeColorizeOptionsAndBadValuesNameTheKey() {
        ColorizeOptions o = ColorizePlugin.fromMacro("model=tiny device=cpu upsample=guided temperature=0.5 colour=red", ColorizeOptions.KEYS);
        assertEquals("tiny", o.model());
        assertEquals(DeviceChoice.CPU, o.device());
        assertEquals(Upsampling.GUIDED, o.upsample());
        assertEquals(0.5, o.temperature());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ColorizePlugin.fromMacro("upsample=cubic", ColorizeOptions.KEYS));
        assertTrue(e.getMessage().contains("upsample"), e.getMessage());
        assertTrue(ColorizeOptions.defaults().toMacroString().startsWith("model=default device=auto upsample=bilinear"));
    }

    @Test
    void staticEntryWorksHeadlessOnFiles(@TempDir Path dir) {
        Path in = dir.resolve("in.tif");
        new FileSaver(TestImages.gray8("in", 48, 40)).saveAsTiff(in.toString());
        Path out = dir.resolve("out.png");
        String result = ColorizePlugin.colorize("input=[" + in + "] output=[" + out + "] model=[" + TinyModels.regression() + "] device=cpu");
        assertEquals(out.toString(), result);
        ImagePlus back = IJ.openImage(out.toString());
        assertEquals(48, back.getWidth());
        String again = ColorizePlugin.colorize("input=[" + in + "] output=[" + out + "] model=[" + TinyModels.regression() + "]");
        assertTrue(again.startsWith("error: ") && again.contains("already exists"), again);
    }

    @Test
    void staticEntryReportsBadInputAsAnErrorString(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("x.tif"), "nope");
        String result = ColorizePlugin.colorize("input=[" + text + "] model=[" + TinyModels.regression() + "]");
        assertTrue(result.startsWith("error: Cannot open"), result);
    }
}
