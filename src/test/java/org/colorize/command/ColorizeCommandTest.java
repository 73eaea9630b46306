package org.colorize.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import org.colorize.model.TinyModels;
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
    void problemsCancelTheCommandWithTheMessage() throws Exception {
        try (Context context = new Context(CommandService.class)) {
            CommandModule module = context.service(CommandService.class).run(ColorizeCommand.class, true,
                    "model", TinyModels.regression().toString()).get();
            assertTrue(module.isCanceled());
            assertTrue(module.getCancelReason().contains("No image"), module.getCancelReason());
        }
    }
}
