package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.colorize.nn.DiverseGanNet;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.testing.Slow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny GAN and a tiny VAE + MDN train a few alternating steps on synthetic pictures (color
 * tied to position, so there is something to learn) with their losses falling, resume from their
 * checkpoints and export a model folder whose card reads back.
 */
@Slow
class DiverseTrainingTest {
    @TempDir
    Path tmp;

    /** Pictures whose hue follows a diagonal ramp, with L varying too. */
    static List<RgbImage> pictures(int count, int side, long seed) {
        Random r = new Random(seed);
        List<RgbImage> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int[] argb = new int[side * side];
            double phase = r.nextDouble();
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double t = (x + y) / (2.0 * side) + phase;
                    int red = (int) (127 + 120 * Math.sin(2 * Math.PI * t));
                    int green = (int) (127 + 120 * Math.sin(2 * Math.PI * t + 2));
                    int blue = (int) (127 + 120 * Math.sin(2 * Math.PI * t + 4));
                    argb[y * side + x] = 0xff000000 | red << 16 | green << 8 | blue;
                }
            }
            out.add(RgbImage.fromArgb(side, side, argb));
        }
        return out;
    }

    private DiverseTraining.Settings settings(String method, long steps) {
        return new DiverseTraining.Settings(method, tmp, tmp.resolve("models/tiny-" + method), tmp.resolve("ckpt-" + method),
                16, 4, steps, 5, 3, method.equals("gan") ? 3e-3 : 1e-2, true);
    }

    private static JsonObject data() {
        JsonObject d = new JsonObject();
        d.addProperty("description", "synthetic ramps");
        return d;
    }

    @Test
    void ganTrainsWithFallingReconstructionAndResumes() throws Exception {
        DiverseCrops crops = new DiverseCrops(pictures(4, 32, 1), 16, 4, 7);
        DiverseTraining.Chunk first = DiverseTraining.train(settings("gan", 40), crops, data(), s -> {}, () -> false);
        StageRunner.StageResult r = first.result();
        assertEquals(40, r.steps());
        double l1First = r.firstLosses().get(DiverseGanStage.L1);
        double l1Last = r.lastLosses().get(DiverseGanStage.L1);
        assertTrue(l1Last < l1First, "L1 reconstruction falls: " + l1First + " → " + l1Last);
        assertTrue(r.lastLosses().containsKey(DiverseGanStage.D_LOSS));
        ModelCard card = ModelCards.read(first.model());
        assertEquals(DiverseTraining.GAN_KIND, card.kind());
        assertTrue(Files.isRegularFile(first.model().resolve("saved_model.pb")));
        assertEquals(2, card.main().signature().inputs().size());
        // a second chunk continues at step 40 from the checkpoint (Adam's slots included)
        DiverseTraining.Settings heavierL1 = settings("gan", 45);
        heavierL1 = new DiverseTraining.Settings("gan", heavierL1.data(), heavierL1.out(), heavierL1.checkpoint(), heavierL1.size(),
                heavierL1.batch(), heavierL1.steps(), heavierL1.minutes(), heavierL1.seed(), heavierL1.lr(), true, 25, null, false, 2);
        DiverseTraining.Chunk second = DiverseTraining.train(heavierL1, crops, data(), s -> {}, () -> false);
        assertEquals(45, second.result().steps());
        assertEquals(l1First, second.result().firstLosses().get(DiverseGanStage.L1), 0, "first losses carried over");
        assertTrue(second.result().description().contains("L1 × 25.0"), "the resumed chunk ran with the new weight: "
                + second.result().description());
        // the checkpoint lost: a third chunk continues from the exported generator at its step, weights unchanged
        org.colorize.files.AtomicFiles.deleteTree(heavierL1.checkpoint());
        DiverseTraining.Chunk third = DiverseTraining.train(heavierL1, crops, data(), s -> {}, () -> false);
        assertEquals(45, third.result().steps(), "no step to train: the step count came from the exported card");
        List<String> generator = GanWarmStart.generatorVariables(DiverseGanNet.Config.tiny());
        var before = ModelExporter.readWeights(second.model(), generator);
        assertEquals(generator.size(), before.size());
        assertTrue(ModelCards.read(third.model()).json().getAsJsonObject("training").get("continued_from").getAsString()
                .contains("step 45"));
        var after = ModelExporter.readWeights(third.model(), generator);
        before.forEach((k, v) -> org.junit.jupiter.api.Assertions.assertArrayEquals(v.values(), after.get(k).values(), 0f, k));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new DiverseTraining.Settings("gan", tmp,
                tmp, tmp, 16, 4, 1, 1, 1, 1e-3, true, -1, null, false, 2));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new DiverseTraining.Settings("vae", tmp,
                tmp, tmp, 16, 4, 1, 1, 1, 1e-3, true, 5, "colorize-semantic", false, 2), "a prior is for the GAN");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new DiverseTraining.Settings("gan", tmp,
                tmp, tmp, 16, 4, 1, 1, 1, 1e-3, true, 5, null, true, 1), "two samples at least");
    }

    @Test
    void ganRefiningAPriorTrainsOnAlignedCropsAndNamesItsPrior() throws Exception {
        List<RgbImage> images = pictures(4, 32, 4);
        // a prior image per picture: the truth's colors rotated, so prior crops differ from truth crops but line up with them
        List<RgbImage> priors = new ArrayList<>();
        for (RgbImage im : images) {
            byte[] rgb = im.rgb().clone();
            for (int p = 0; p < rgb.length; p += 3) {
                byte r = rgb[p];
                rgb[p] = rgb[p + 1];
                rgb[p + 1] = rgb[p + 2];
                rgb[p + 2] = r;
            }
            priors.add(new RgbImage(im.width(), im.height(), rgb));
        }
        DiverseCrops crops = new DiverseCrops(images, priors, 16, 4, 5);
        Batch b = crops.next(new Random(3));
        float[] priorAb = b.features().get(DiverseCrops.PRIOR_AB);
        assertEquals(b.ab().length, priorAb.length);
        DiverseCrops plain = new DiverseCrops(images, 16, 4, 5);
        org.junit.jupiter.api.Assertions.assertArrayEquals(plain.next(new Random(3)).l(), b.l(), "the prior does not change the crops");
        assertTrue(!java.util.Arrays.equals(b.ab(), priorAb), "the prior's ab is its own");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DiverseCrops(images, priors.subList(0, 3), 16, 4, 5), "one prior per image");
        DiverseTraining.Settings s = new DiverseTraining.Settings("gan", tmp, tmp.resolve("models/tiny-gan-prior"),
                tmp.resolve("ckpt-prior"), 16, 4, 40, 5, 3, 3e-3, true, 5, "rotated", true, 3);
        DiverseTraining.Chunk chunk = DiverseTraining.train(s, crops, data(), new DiverseTraining.Prior("rotated", "1", 32),
                m -> {}, () -> false);
        StageRunner.StageResult r = chunk.result();
        double l1First = r.firstLosses().get(DiverseGanStage.L1);
        double l1Last = r.lastLosses().get(DiverseGanStage.L1);
        assertTrue(l1Last < l1First, "the closest sample's L1 falls: " + l1First + " → " + l1Last);
        assertTrue(r.description().contains("refining the prior") && r.description().contains("3 samples per picture")
                && r.description().contains("(closest sample)"), r.description());
        ModelCard card = ModelCards.read(chunk.model());
        assertEquals(3, card.main().signature().inputs().size());
        assertEquals(32, card.inputSize(), "runs at the prior's network size");
        assertEquals("rotated", card.json().getAsJsonObject(org.colorize.pipeline.DiverseColorizer.PRIOR).get("model").getAsString());
        assertEquals(org.colorize.model.InputEncoding.PRIOR_AB,
                card.main().signature().input(DiverseExport.PRIOR).orElseThrow().encoding());
        // without priors in the crops the stage refuses to build (a prior GAN cannot train on plain crops)
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DiverseTraining.train(s, plain, data(),
                new DiverseTraining.Prior("rotated", "1", 32), m -> {}, () -> false));
    }

    @Test
    void vaeAndMdnTrainWithFallingLosses() throws Exception {
        DiverseCrops crops = new DiverseCrops(pictures(4, 32, 2), 16, 4, 9);
        DiverseTraining.Chunk chunk = DiverseTraining.train(settings("vae", 40), crops, data(), s -> {}, () -> false);
        StageRunner.StageResult r = chunk.result();
        double reconFirst = r.firstLosses().get(DiverseVaeStage.RECON);
        double reconLast = r.lastLosses().get(DiverseVaeStage.RECON);
        assertTrue(reconLast < reconFirst, "reconstruction falls: " + reconFirst + " → " + reconLast);
        double nllFirst = r.firstLosses().get(DiverseVaeStage.MDN_NLL);
        double nllLast = r.lastLosses().get(DiverseVaeStage.MDN_NLL);
        assertTrue(nllLast < nllFirst, "the MDN's negative log-likelihood falls: " + nllFirst + " → " + nllLast);
        ModelCard card = ModelCards.read(chunk.model());
        assertEquals(DiverseTraining.VAE_KIND, card.kind());
        assertTrue(card.component(DiverseTraining.MDN_ROLE).isPresent());
        assertTrue(Files.isRegularFile(chunk.model().resolve("mdn/saved_model.pb")));
    }
}
