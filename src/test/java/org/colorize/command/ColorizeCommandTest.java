package org.colorize.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.type.numeric.ARGBType;
import org.colorize.color.Lab;
import org.colorize.model.TinyModels;
import org.colorize.pipeline.SyntheticImgs;
import org.colorize.pipeline.TestImages;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

class ColorizeCommandTest {

    @Test
    void runsHeadlessThroughARealContext() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            CommandService commands = context.service(CommandService.class);
            ImagePlus gray = TestImages.gray8("cmd", 64, 48);
            CommandModule module = commands.run(ColorizeCommand.class, true,
                    "image", gray, "model", TinyModels.regression().toString(), "device", "cpu").get();
            ImagePlus out = (ImagePlus) module.getOutput("colorized");
            assertNotNull(out, "cancel reason: " + module.getCancelReason());
            assertEquals(ImagePlus.COLOR_RGB, out.getType());
            assertEquals(64, out.getWidth());
        }
    }

    @Test
    void takesAndReturnsAnImgLib2ImageThroughARealContext() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            ArrayImg<?, ?> gray = SyntheticImgs.halves(96, 64, 1);
            CommandModule module = context.service(CommandService.class).run(ColorizeCommand.class, true,
                    "img", gray, "title", "halves", "model", TinyModels.regression().toString(), "device", "cpu",
                    "temperature", "default").get();
            assertNotNull(module.getOutput("colorizedImg"), "cancel reason: " + module.getCancelReason());
            Img<?> out = (Img<?>) module.getOutput("colorizedImg");
            assertTrue(out.firstElement() instanceof ARGBType, "8-bit in, ARGB out");
            assertEquals(96, out.dimension(0));
            assertEquals(64, out.dimension(1));
            int[] argb = (int[]) ((ArrayDataAccess<?>) ((ArrayImg<?, ?>) out).update(null)).getCurrentStorageArray();
            double[] lab = new double[3];
            double worst = 0, chroma = 0;
            for (int y = 0; y < 64; y++) for (int x = 0; x < 96; x++) {
                int c = argb[y * 96 + x];
                Lab.fromSrgb(((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0, lab);
                int g = x < 48 ? SyntheticImgs.LEFT : SyntheticImgs.RIGHT;
                worst = Math.max(worst, Math.abs(lab[0] - Lab.lightnessOfGray(g / 255.0)));
                chroma = Math.max(chroma, Math.hypot(lab[1], lab[2]));
            }
            assertTrue(worst <= 1.0, "L kept within 1, worst " + worst);
            assertTrue(chroma > 2, "colored, max chroma " + chroma);
            ImagePlus imp = (ImagePlus) module.getOutput("colorized");
            assertEquals("halves-colorized", imp.getTitle());
            assertTrue(imp.getProcessor().getPixels() == argb, "the ImagePlus output shares the ImgLib2 output's pixels");
        }
    }

    @Test
    void aTruncatedInputFileIsRefusedNotColorizedAsWhole(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path whole = org.colorize.io.BadInputs.png(dir.resolve("whole.png"), 120, 90);
        java.nio.file.Path cut = org.colorize.io.BadInputs.truncated(whole, dir.resolve("cut.png"), 0.6);
        try (Context context = new Context(CommandService.class)) {
            CommandModule module = context.service(CommandService.class).run(ColorizeCommand.class, true,
                    "input", cut.toFile(), "model", TinyModels.regression().toString(), "device", "cpu").get();
            assertTrue(module.isCanceled(), "a truncated file must not be colorized");
            assertTrue(module.getCancelReason().contains("truncated"), module.getCancelReason());
        }
    }

    @Test
    void aBadTemperatureNamesTheKey() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            CommandModule module = context.service(CommandService.class).run(ColorizeCommand.class, true,
                    "img", SyntheticImgs.halves(32, 32, 1), "model", TinyModels.regression().toString(), "temperature", "warm").get();
            assertTrue(module.isCanceled());
            assertTrue(module.getCancelReason().contains("temperature"), module.getCancelReason());
        }
    }

    @Test
    void problemsCancelTheCommandWithTheMessage() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            CommandModule module = context.service(CommandService.class).run(ColorizeCommand.class, true,
                    "model", TinyModels.regression().toString()).get();
            assertTrue(module.isCanceled());
            assertTrue(module.getCancelReason().contains("No image"), module.getCancelReason());
        }
    }
}
