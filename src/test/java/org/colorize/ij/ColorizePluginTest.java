package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.io.FileSaver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.image.Upsampling;
import org.colorize.model.ModelCard;
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
    void aMacroRecordedFromTheDialogsDefaultsUsesTheCardsTemperature(@TempDir Path dir) throws Exception {
        Path model = TinyModels.copy(TinyModels.distribution(), "tiny-distribution-warm-" + System.nanoTime());
        Path card = model.resolve(ModelCard.FILE_NAME);
        String text = Files.readString(card);
        assertTrue(text.contains("\"temperature\": 0.38"), text);
        Files.writeString(card, text.replace("\"temperature\": 0.38", "\"temperature\": 0.7"));

        Map<String, String> prefilled = ColorizeDialog.prefilled(model.toString());
        assertEquals(ColorizeOptions.KEYS, List.copyOf(prefilled.keySet()), "the dialog's fields are the macro keys, in order");
        StringBuilder recorded = new StringBuilder();
        prefilled.forEach((k, v) -> recorded.append(k).append("=[").append(v).append("] "));
        assertTrue(recorded.toString().contains("temperature=[default]"), recorded.toString());
        assertTrue(Double.isNaN(ColorizePlugin.fromMacro(recorded.toString(), ColorizeOptions.KEYS).temperature()));

        Path in = dir.resolve("in.tif");
        new FileSaver(TestImages.gray8("in", 64, 48)).saveAsTiff(in.toString());
        Path out = dir.resolve("out.tif");
        String result = ColorizePlugin.colorize("input=[" + in + "] output=[" + out + "] " + recorded + "device=cpu");
        assertEquals(out.toString(), result);
        String info = String.valueOf(IJ.openImage(out.toString()).getProperty("Info"));
        assertTrue(info.contains("temperature=default") && info.contains("(temperature used: 0.700)"), info);
    }

    @Test
    void staticEntryReportsBadInputAsAnErrorString(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("x.tif"), "nope");
        String result = ColorizePlugin.colorize("input=[" + text + "] model=[" + TinyModels.regression() + "]");
        assertTrue(result.startsWith("error: Cannot open"), result);
    }
}
