package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.color.Lab;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.image.Upsampling;
import org.colorize.model.ModelRegistry;
import org.colorize.runtime.DeviceChoice;
import org.colorize.testing.Slow;
import org.colorize.model.TinyModels;
import org.colorize.train.TinyDiverseModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diverse colorization through tiny trained GAN and VAE models: the same seed gives the same
 * pixels, other seeds other samples, every sample keeps the input's L, the samples carry their
 * method, seed and index, the most likely codes are the mixture's means by weight.
 */
@Slow
class DiverseColorizerTest {
    private static ModelRegistry registry;

    @BeforeAll
    static void models() {
        registry = new ModelRegistry(List.of(TinyDiverseModels.root()));
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static DiverseResult sample(String model, int n, long seed, boolean likely, ImagePlus image) throws ColorizeException {
        ColorizeOptions co = new ColorizeOptions(model, DeviceChoice.CPU, Upsampling.BILINEAR, Double.NaN);
        return new DiverseColorizer(registry).sample(ImagePlusAdapter.toSource(image), new DiverseOptions(co, n, seed, likely),
                ColorizeContext.defaults());
    }

    private static int[] pixels(Colorization c) {
        return ArgbPixels.of(c);
    }

    @Test
    void sameSeedSamePixelsAndOtherSeedsOtherSamples() throws Exception {
        ImagePlus gray = TestImages.gray8("scene", 97, 71);
        for (String model : List.of("tiny-diverse-gan", "tiny-diverse-vae", "tiny-diverse-gan-prior")) {
            DiverseResult a = sample(model, 3, 7, false, gray);
            DiverseResult b = sample(model, 3, 7, false, gray);
            DiverseResult c = sample(model, 3, 8, false, gray);
            assertEquals(3, a.samples().size());
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(pixels(a.samples().get(i)), pixels(b.samples().get(i)), model + ": same seed, same sample " + i);
                assertFalse(Arrays.equals(pixels(a.samples().get(i)), pixels(c.samples().get(i))), model + ": seed 8 differs, sample " + i);
            }
            assertArrayEquals(a.uncertainty(), b.uncertainty(), 0f);
            assertFalse(Arrays.equals(pixels(a.samples().get(0)), pixels(a.samples().get(1))), model + ": samples of one seed differ");
            assertTrue(a.meanPairwiseDistance() > 0, model + ": pairwise distance " + a.meanPairwiseDistance());
            double maxSpread = 0;
            for (float u : a.uncertainty()) maxSpread = Math.max(maxSpread, u);
            assertTrue(maxSpread > 0, "the uncertainty map shows the spread");
            assertEquals(97 * 71, a.uncertainty().length);
            // sample i depends on (seed, i) only, not on how many are drawn
            DiverseResult one = sample(model, 1, 7, false, gray);
            assertArrayEquals(pixels(a.samples().get(0)), pixels(one.samples().get(0)));
        }
    }

    @Test
    void everySampleKeepsTheInputLightness() throws Exception {
        ImagePlus gray = TestImages.gray8("l", 120, 80);
        byte[] src = (byte[]) gray.getProcessor().getPixels();
        for (String model : List.of("tiny-diverse-gan", "tiny-diverse-vae", "tiny-diverse-gan-prior")) {
            DiverseResult r = sample(model, 4, 3, false, gray);
            double[] lab = new double[3];
            for (Colorization c : r.samples()) {
                int[] rgb = pixels(c);
                double worst = 0;
                for (int i = 0; i < rgb.length; i++) {
                    int p = rgb[i];
                    Lab.fromSrgb(((p >> 16) & 0xff) / 255.0, ((p >> 8) & 0xff) / 255.0, (p & 0xff) / 255.0, lab);
                    worst = Math.max(worst, Math.abs(lab[0] - Lab.lightnessOfGray((src[i] & 0xff) / 255.0)));
                }
                assertTrue(worst <= 1.0, model + ": a sample's L differs from the input's by " + worst);
            }
        }
    }

    @Test
    void aGanWithAPriorRefinesThatModelsPrediction(@TempDir Path tmp) throws Exception {
        ImagePlus gray = TestImages.gray8("scene", 64, 48);
        DiverseResult own = sample("tiny-diverse-gan-prior", 2, 5, false, gray);
        // the same GAN beside another model under its prior's name: other samples
        TinyModels.copyInto(TinyDiverseModels.ganWithPrior(), tmp.resolve("gan"));
        TinyModels.copyInto(TinyModels.distribution(), tmp.resolve(TinyDiverseModels.PRIOR));
        ColorizeOptions co = new ColorizeOptions("gan", DeviceChoice.CPU, Upsampling.BILINEAR, Double.NaN);
        try (ModelRegistry other = new ModelRegistry(List.of(tmp))) {
            DiverseResult r = new DiverseColorizer(other).sample(ImagePlusAdapter.toSource(gray), new DiverseOptions(co, 2, 5, false),
                    ColorizeContext.defaults());
            assertFalse(Arrays.equals(pixels(own.samples().get(0)), pixels(r.samples().get(0))), "the prior's prediction is an input");
        }
        org.colorize.files.AtomicFiles.deleteTree(tmp.resolve(TinyDiverseModels.PRIOR));
        try (ModelRegistry missing = new ModelRegistry(List.of(tmp))) {
            ColorizeException e = assertThrows(ColorizeException.class, () -> new DiverseColorizer(missing).sample(
                    ImagePlusAdapter.toSource(gray), new DiverseOptions(co, 2, 5, false), ColorizeContext.defaults()));
            assertTrue(e.getMessage().contains(TinyDiverseModels.PRIOR), e.getMessage());
        }
    }

    @Test
    void samplesCarryMethodSeedAndIndex() throws Exception {
        DiverseResult r = sample("tiny-diverse-vae", 2, 42, true, TestImages.gray8("p", 40, 40));
        assertEquals("vae", r.method());
        String p = r.samples().get(1).provenance().parameters();
        assertTrue(p.contains("method=vae") && p.contains("seed=42") && p.contains("sample=2/2") && p.contains("likely=true"), p);
        assertTrue(r.samples().get(1).provenance().text().contains("Parameters: "), "in the Info text too");
        assertEquals(42, r.samples().get(0).seed().getAsLong());
    }

    @Test
    void mostLikelyCodesAreTheMixtureMeansByWeight() throws Exception {
        float[] logits = {0.1f, 2f, -1f};
        float[] means = {1, 1, 2, 2, 3, 3};
        ColorizeOptions co = ColorizeOptions.defaults();
        List<float[]> codes = DiverseColorizer.vaeCodes(logits, means, 2, 0.1, new DiverseOptions(co, 3, 0, true));
        assertArrayEquals(new float[] {2, 2}, codes.get(0));
        assertArrayEquals(new float[] {1, 1}, codes.get(1));
        assertArrayEquals(new float[] {3, 3}, codes.get(2));
        assertThrows(ColorizeException.class, () -> DiverseColorizer.vaeCodes(logits, means, 2, 0.1, new DiverseOptions(co, 4, 0, true)));
        // drawn codes sit near a mean (σ 0.1), mostly the heaviest one's
        List<float[]> drawn = DiverseColorizer.vaeCodes(logits, means, 2, 0.1, new DiverseOptions(co, 50, 1, false));
        long nearHeaviest = drawn.stream().filter(z -> Math.abs(z[0] - 2) < 0.5 && Math.abs(z[1] - 2) < 0.5).count();
        assertTrue(nearHeaviest > 25, "most draws from the component of weight 0.8: " + nearHeaviest);
    }

    @Test
    void refusesStacksAndGanMostLikely() {
        ColorizeException stack = assertThrows(ColorizeException.class,
                () -> sample("tiny-diverse-gan", 2, 1, false, TestImages.stack8("s", 32, 32, 3, -1)));
        assertTrue(stack.getMessage().contains("one image plane"), stack.getMessage());
        ColorizeException likely = assertThrows(ColorizeException.class,
                () -> sample("tiny-diverse-gan", 2, 1, true, TestImages.gray8("g", 32, 32)));
        assertTrue(likely.getMessage().contains("only a VAE"), likely.getMessage());
    }
}
