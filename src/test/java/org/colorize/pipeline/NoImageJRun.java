package org.colorize.pipeline;

import java.util.concurrent.Callable;
import org.colorize.image.SourceImage;
import org.colorize.image.Upsampling;
import org.colorize.model.FakeChromaPredictor;
import org.colorize.runtime.DeviceChoice;

/**
 * Colorizes an ImgLib2 ArrayImg through the core with the pure-Java predictor. Loaded by
 * {@link NoImageJCoreTest} in a class loader that has no ImageJ, so any ImageJ class the core
 * touched would fail it.
 */
public final class NoImageJRun implements Callable<int[]> {
    @Override
    public int[] call() throws Exception {
        FakeChromaPredictor fake = FakeChromaPredictor.create(4);
        ColorizeOptions options = new ColorizeOptions("fake", DeviceChoice.CPU, Upsampling.GUIDED, Double.NaN);
        SourceImage source = SourceImage.of(SyntheticImgs.halves(120, 80, 1), "no-imagej");
        Colorization c = Colorizers.forCard(fake.card(), (model, device) -> fake)
                .colorize(source, options, ColorizeContext.defaults()).first();
        return CoreColorizationTest.argb(c.image(), 0);
    }
}
