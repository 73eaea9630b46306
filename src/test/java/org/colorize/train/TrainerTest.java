package org.colorize.train;

import org.colorize.files.AtomicFiles;
import org.colorize.testing.Slow;

import org.colorize.TrainException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.model.AbField;
import org.colorize.model.ColorizationModel;
import org.colorize.runtime.DeviceChoice;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
import org.colorize.nn.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny training runs (width 0.125, 32² crops) on synthetic scenes: the loss falls for both heads,
 * the exported model loads through the runtime and reproduces the training graph, the card says
 * what it should, and a stopped-and-resumed run continues exactly like an uninterrupted one.
 */
@Slow
class TrainerTest {
    @TempDir
    static Path shared;
    static Path data;

    @BeforeAll
    static void scenes() {
        data = shared.resolve("data");
        SyntheticScenes.write(data, 12, 64, 48, 7);
    }

    /** Collects losses and messages. */
    static final class Recorder implements TrainingListener {
        final List<Double> losses = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        final List<Validation> validations = new ArrayList<>();

        @Override
        public void message(String line) {
            messages.add(line);
            System.out.println("  " + line);
        }

        @Override
        public void step(Progress p) {
            losses.add(p.loss());
        }

        @Override
        public void validated(Validation v) {
            validations.add(v);
        }

        double mean(int from, int to) {
            return losses.subList(from, to).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
    }

    static TrainOptions options(Path out, String... extra) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("data", data.toString());
        m.put("out", out.toString());
        m.put("steps", "30");
        m.put("size", "32");
        m.put("width", "0.125");
        m.put("batch", "8");
        m.put("lr", "3e-3");
        m.put("val-every", "10");
        m.put("threads", "2");
        for (int i = 0; i < extra.length; i += 2) m.put(extra[i], extra[i + 1]);
        return TrainOptions.fromMap(m);
    }

    static Trainer.Result train(TrainOptions o, Recorder r) throws TrainException {
        long t0 = System.nanoTime();
        Trainer.Result result = new Trainer(o, r, () -> false, false).run();
        System.out.printf("%s head, %d steps in %.1f s; loss %s%n", o.head().key(), result.steps(),
                (System.nanoTime() - t0) / 1e9, r.losses.isEmpty() ? "-" : r.losses.get(0) + " → " + r.losses.get(r.losses.size() - 1));
        return result;
    }

    @Test
    void regressionLossFallsAndTheExportedModelMatchesTheTrainingGraph(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("models/tiny-reg");
        Recorder r = new Recorder();
        Trainer.Result result = train(options(out), r);
        assertEquals(30, r.losses.size());
        double first = r.mean(0, 5);
        double last = r.mean(25, 30);
        assertTrue(last < 0.6 * first, "loss did not fall clearly: " + first + " → " + last);
        assertTrue(result.finished());
        assertEquals(out.toAbsolutePath().normalize(), result.model());
        assertTrue(result.exportDifference() <= ModelExporter.MAX_AB_DIFFERENCE);
        assertEquals(3, r.validations.size());
        Validation v = result.validation();
        assertEquals(30, v.step());
        assertTrue(v.psnr() > 0 && v.grayPsnr() > 0);

        // the card
        ModelCard card = ModelCard.read(out);
        assertEquals("tiny-reg", card.name());
        assertEquals("full-image", card.kind());
        assertEquals("siggraph17-unet", card.architecture());
        assertEquals(32, card.inputSize());
        assertEquals("l", card.inputEncoding().key());
        assertEquals("ab", card.outputName());
        assertEquals(OutputEncoding.AB, card.outputEncoding());
        JsonObject json = card.json();
        assertEquals(0.125, card.main().architecture().width().getAsDouble());
        assertEquals("data", json.getAsJsonObject("training_data").get("folder").getAsString(), "the data folder by name, not path");
        assertFalse(ModelCards.toJson(card).contains(data.toString()), "no path of this machine in the card");
        assertEquals(30, json.getAsJsonObject("training").get("steps").getAsInt());
        assertTrue(json.getAsJsonObject("training").get("finished").getAsBoolean());
        JsonObject td = json.getAsJsonObject("training_data");
        assertEquals(12, td.get("images").getAsInt());
        assertEquals(12, td.get("train").getAsInt() + td.get("validation").getAsInt());
        assertEquals(12, td.getAsJsonObject("licenses").get("unknown").getAsInt());
        assertTrue(card.license().startsWith("weights trained by this project"), card.license());
        JsonObject val = json.getAsJsonObject("metrics").getAsJsonObject("validation");
        assertEquals(v.psnr(), val.get("psnr").getAsDouble(), 1e-3);
        assertEquals(v.grayPsnr(), val.get("gray_psnr").getAsDouble(), 1e-3);
        assertTrue(card.summary().contains("12 color images from data"), card.summary());
        assertFalse(Files.exists(out.resolve("variables").resolve("adam")));

        // the CSV log and the checkpoint
        Path checkpoints = tmp.resolve("checkpoints/tiny-reg");
        List<String> log = Files.readAllLines(checkpoints.resolve("log.csv"), StandardCharsets.UTF_8);
        assertEquals(TrainingLog.header(List.of(LossValues.TOTAL, RegressionRecipe.SMOOTH_L1)), log.get(0));
        assertTrue(log.get(0).endsWith(",smooth_l1,val_smooth_l1"), log.get(0));
        assertEquals(31, log.size());
        assertTrue(log.get(10).startsWith("10,") && !log.get(10).endsWith(",,"), log.get(10));
        Checkpoints.Snapshot snap = Checkpoints.latest(checkpoints);
        assertEquals(30, snap.step());

        // independently: the checkpoint's weights in a fresh training graph, its inference branch on
        // validation crops, against the exported model run through the runtime
        TrainingData d = TrainingData.load(data, 32, 0.05, s -> { }, () -> false);
        BatchMaker maker = new BatchMaker(d.trainImages(), 32, 8, BatchTargets.AB_ONLY, 1);
        Batch check = maker.validation(d.validationImages(), 8).get(0);
        TrainingGraph.Evaluation expected;
        TrainingRecipe recipe = Head.REGRESSION.recipe(0.125);
        try (TrainingGraph g = new TrainingGraph(recipe, new TrainingGraph.Settings(3e-3, 1, 2, 1))) {
            g.load(Checkpoints.read(snap), true);
            expected = g.evaluate(check);
        }
        double worst = 0;
        try (ColorizationModel m = ColorizationModel.load(out, DeviceChoice.CPU)) {
            for (int i = 0; i < check.count(); i++) {
                float[] l = java.util.Arrays.copyOfRange(check.l(), i * 32 * 32, (i + 1) * 32 * 32);
                AbField ab = m.predictAb(l, 32, m.card().temperature());
                float[] want = ModelExporter.expectedAb(recipe, expected, i, m.card().outputBins(),
                        m.card().temperature());
                for (int k = 0; k < want.length; k++) worst = Math.max(worst, Math.abs(ab.ab()[k] - want[k]));
            }
        }
        System.out.println("exported vs checkpoint's inference branch: max |Δab| = " + worst);
        assertTrue(worst <= 1e-3, "max |Δab| " + worst);
        assertEvaluateMeasuresTheValidationPsnr(out, v, tmp);
        assertEquals(List.of(LossValues.TOTAL, RegressionRecipe.SMOOTH_L1), v.losses().names());
        assertEquals(v.loss(), v.losses().get(RegressionRecipe.SMOOTH_L1));
    }

    /**
     * The run's validation PSNR is what {@code colorize evaluate} measures with the exported model
     * as baseline on the same crops (written as PNG files), to 0.01 dB.
     */
    static void assertEvaluateMeasuresTheValidationPsnr(Path model, Validation v, Path tmp) throws Exception {
        TrainingData d = TrainingData.load(data, 32, 0.05, s -> { }, () -> false);
        Path truth = Files.createDirectories(tmp.resolve("validation-crops"));
        int n = 0;
        for (Batch b : new BatchMaker(d.trainImages(), 32, 8, BatchTargets.AB_ONLY, 1).validation(d.validationImages(), 8)) {
            for (int i = 0; i < b.count(); i++) {
                java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(32, 32,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                img.setRGB(0, 0, 32, 32, java.util.Arrays.copyOfRange(b.truth(), i * 32 * 32, (i + 1) * 32 * 32), 0, 32);
                javax.imageio.ImageIO.write(img, "png", truth.resolve(String.format("crop%03d.png", n++)).toFile());
            }
        }
        assertEquals(v.images(), n);
        try (org.colorize.model.ModelRegistry registry = new org.colorize.model.ModelRegistry(List.of())) {
            org.colorize.eval.Evaluator.Evaluation e = new org.colorize.eval.Evaluator(registry).evaluate(truth, null,
                    List.of(org.colorize.eval.Baseline.model(model.toString())), org.colorize.pipeline.ColorizeOptions.defaults(),
                    (stage, f) -> { });
            double measured = e.table().mean(org.colorize.eval.ImageScores.MODEL_PREFIX + model.getFileName()).psnr();
            System.out.printf("validation PSNR %.4f dB, colorize evaluate %.4f dB%n", v.psnr(), measured);
            assertEquals(measured, v.psnr(), 0.01);
        }
    }

    @Test
    void classesHeadLossFallsAndExportsLogits(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("models/tiny-classes");
        Recorder r = new Recorder();
        Trainer.Result result = train(options(out, "head", "classes"), r);
        assertEvaluateMeasuresTheValidationPsnr(out, result.validation(), tmp);
        assertEquals(List.of(LossValues.TOTAL, ClassesRecipe.CROSS_ENTROPY), result.validation().losses().names());
        double first = r.mean(0, 5);
        double last = r.mean(25, 30);
        assertTrue(last < 0.8 * first, "loss did not fall clearly: " + first + " → " + last);
        assertTrue(r.messages.stream().anyMatch(m -> m.startsWith("class rebalancing")), r.messages.toString());
        ModelCard card = ModelCard.read(out);
        assertEquals("ab_logits", card.outputName());
        assertEquals(OutputEncoding.AB_BINS_LOGITS, card.outputEncoding());
        assertEquals(0.38, card.temperature());
        try (ColorizationModel m = ColorizationModel.load(out, DeviceChoice.CPU)) {
            AbField ab = m.predictAb(new float[32 * 32], 32, 0.38);
            assertEquals(8, ab.size());
        }
        assertTrue(result.exportDifference() <= ModelExporter.MAX_AB_DIFFERENCE);
        assertEquals(ClassesRecipe.CLASSES,
                Checkpoints.latest(tmp.resolve("checkpoints/tiny-classes")).state().getAsJsonArray("rebalancing").size());
    }

    @Test
    void aResumedRunContinuesExactlyLikeAnUninterruptedOne(@TempDir Path tmp) throws Exception {
        // uninterrupted: 12 steps
        Recorder straight = new Recorder();
        train(options(tmp.resolve("a/models/m"), "steps", "12", "checkpoint-every", "6"), straight);
        // stopped after 6 steps (checkpoint + export), then resumed to 12
        Recorder first = new Recorder();
        Trainer.Result part = train(options(tmp.resolve("b/models/m"), "steps", "6"), first);
        assertEquals(6, part.steps());
        Recorder second = new Recorder();
        Trainer.Result rest = train(options(tmp.resolve("b/models/m"), "steps", "12", "resume", "true"), second);
        assertEquals(12, rest.steps());
        assertEquals(6, second.losses.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(straight.losses.get(6 + i), second.losses.get(i), 1e-4 * straight.losses.get(6 + i),
                    "loss at step " + (7 + i));
        }
        assertEquals(12, ModelCard.read(tmp.resolve("b/models/m")).json().getAsJsonObject("training").get("steps").getAsInt());
        List<String> log = Files.readAllLines(tmp.resolve("b/checkpoints/m/log.csv"));
        assertEquals(13, log.size(), "one row per step across both parts");

        // without --resume an existing run is not silently replaced
        TrainException e = assertThrows(TrainException.class,
                () -> new Trainer(options(tmp.resolve("b/models/m"), "steps", "14"), new Recorder(), () -> false, false).run());
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());

        // checkpoints gone: resume from the exported model (weights only), step count from its card
        AtomicFiles.deleteTree(tmp.resolve("b/checkpoints/m"));
        Recorder third = new Recorder();
        Trainer.Result more = train(options(tmp.resolve("b/models/m"), "steps", "14", "resume", "true"), third);
        assertEquals(14, more.steps());
        assertEquals(2, third.losses.size());
        assertTrue(third.messages.stream().anyMatch(m -> m.contains("resuming from the exported model")), third.messages.toString());
        // the weights continued: the first loss is near the end of the earlier run, far below a fresh start
        assertTrue(third.losses.get(0) < 0.8 * straight.losses.get(0), third.losses + " vs " + straight.losses.get(0));
    }

    @Test
    void aCancelStopsWithACheckpointAndAnExportAndResumeSurvivesADamagedSnapshot(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("models/c");
        Recorder r = new Recorder();
        Trainer.Result res = new Trainer(options(out, "steps", "1000", "val-every", "2"), r, () -> r.losses.size() >= 3, false)
                .run();
        assertEquals(3, res.steps());
        assertFalse(res.finished());
        assertEquals("canceled", res.stopReason());
        JsonObject training = ModelCard.read(out).json().getAsJsonObject("training");
        assertEquals(3, training.get("steps").getAsInt());
        assertFalse(training.get("finished").getAsBoolean());

        // snapshots at the checkpoint interval and at the stop, complete, the newest two kept
        Path checkpoints = tmp.resolve("checkpoints/c");
        assertEquals(List.of("step-000000003", "step-000000002"),
                Checkpoints.snapshots(checkpoints).stream().map(p -> p.getFileName().toString()).toList());
        Checkpoints.Snapshot s = Checkpoints.latest(checkpoints);
        Map<String, TrainingGraph.Variable> vars = Checkpoints.read(s);
        assertTrue(vars.containsKey("adam/beta1_power") && vars.containsKey("conv1_norm/moving_mean"));
        try (TrainingGraph g = new TrainingGraph(Head.REGRESSION.recipe(0.125), new TrainingGraph.Settings(1e-3, 1, 2, 1))) {
            assertEquals(g.variableKinds().keySet(), vars.keySet());
            assertEquals(EnumSet.allOf(ParameterStore.Kind.class), EnumSet.copyOf(g.variableKinds().values()));
        }

        // a resumed run must keep the architecture
        TrainException wrongWidth = assertThrows(TrainException.class,
                () -> new Trainer(options(out, "steps", "6", "resume", "true", "width", "0.25"), new Recorder(), () -> false,
                        false).run());
        assertTrue(wrongWidth.getMessage().contains("width 0.125, --width 0.25"), wrongWidth.getMessage());

        // damage the newest snapshot: resume falls back to the one before
        Files.write(s.dir().resolve("variables.bin"), new byte[] {1, 2, 3});
        Recorder r2 = new Recorder();
        Trainer.Result more = train(options(out, "steps", "5", "resume", "true"), r2);
        assertTrue(r2.messages.stream().anyMatch(m -> m.contains("unusable")), r2.messages.toString());
        assertEquals(5, more.steps());
        assertEquals(3, r2.losses.size(), "resumed from step 2");

        // resuming with only the data and the model continues with the run's own settings
        Recorder r3 = new Recorder();
        Trainer.Result same = train(TrainOptions.fromMap(Map.of("data", data.toString(), "out", out.toString(), "resume", "",
                "threads", "2")), r3);
        assertEquals(5, same.steps());
        assertTrue(r3.losses.isEmpty());
        assertTrue(r3.messages.stream().anyMatch(m -> m.startsWith("continuing with the run's settings:") && m.contains("--steps 5")
                && m.contains("--size 32") && m.contains("--batch 8")), r3.messages.toString());
        assertEquals(32, ModelCard.read(out).inputSize());
    }

    static void deleteQuietly(Path p) {
        try {
            AtomicFiles.deleteTree(p);
        } catch (IOException e) {
            // ignore
        }
    }
}
