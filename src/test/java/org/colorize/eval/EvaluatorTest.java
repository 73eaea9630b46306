package org.colorize.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import org.colorize.color.RgbRaster;
import org.colorize.io.DecodedImage;
import org.colorize.ij.EvalImagesIJ;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.colorize.model.ModelRegistry;
import org.colorize.model.TinyModels;
import org.colorize.ColorizeException;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ProgressListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
    private static final ColorizeOptions DEFAULTS = ColorizeOptions.defaults();

    @TempDir
    Path dir;

    private final ModelRegistry registry = new ModelRegistry(List.of());

    @AfterEach
    void close() {
        registry.close();
    }

    private Evaluator evaluator() {
        return new Evaluator(registry);
    }

    private static List<String> names(List<ImageScores> rows) {
        return rows.stream().map(ImageScores::name).toList();
    }

    @Test
    void predictionEqualToTruthScoresPerfectly() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 32, 24, "a", "b");
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 1, 32, 24, "a", "b");
        Evaluator.Evaluation ev = evaluator().evaluate(truth, pred, List.of(), DEFAULTS, ProgressListener.NONE);
        EvaluationTable t = ev.table();
        assertEquals(List.of("a", "b"), names(t.rows()));
        for (ImageScores s : t.rows()) {
            assertEquals(ImageScores.PRED, s.method());
            assertEquals(Double.POSITIVE_INFINITY, s.psnr());
            assertEquals(1.0, s.ssim(), 1e-12);
            assertEquals(1.0, s.auc());
            assertEquals(0.0, s.deltaColorfulness());
            assertTrue(s.colorfulnessTruth() > 20, "the synthetic truth is colorful: CF = " + s.colorfulnessTruth());
        }
        assertEquals(Double.POSITIVE_INFINITY, t.mean().psnr());
        assertTrue(ev.unmatchedTruth().isEmpty() && ev.unmatchedPred().isEmpty() && ev.warnings().isEmpty());
    }

    @Test
    void differentPredictionHasFinitePsnrAndLowerScores() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 32, 24, "a");
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 7, 32, 24, "a");
        ImageScores s = evaluator().evaluate(truth, pred, List.of(), DEFAULTS, ProgressListener.NONE).table().rows().get(0);
        assertTrue(Double.isFinite(s.psnr()) && s.psnr() > 0, "psnr " + s.psnr());
        assertTrue(s.ssim() < 1 && s.auc() < 1, s.toString());
    }

    @Test
    void grayBaselineHasZeroColorfulnessAndAucBelowOne() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 3, 40, 30, "x", "y");
        EvaluationTable t = evaluator().evaluate(truth, null, List.of(Baseline.GRAY), DEFAULTS, ProgressListener.NONE).table();
        assertEquals(List.of(ImageScores.GRAY), t.methods());
        assertEquals(2, t.rows().size());
        for (ImageScores s : t.rows()) {
            assertEquals(0.0, s.colorfulnessPred(), "a gray image has CF = 0 exactly");
            assertEquals(s.colorfulnessTruth(), s.deltaColorfulness());
            assertTrue(s.auc() < 1 && s.auc() > 0, "auc " + s.auc());
            assertTrue(Double.isFinite(s.psnr()));
            // independent check: the AuC of ab = 0 against the truth's ab
            int[] px = SyntheticImages.readSamples(truth.resolve(s.name() + ".png"));
            float[] ta = new float[px.length];
            float[] tb = new float[px.length];
            for (int i = 0; i < px.length; i++) {
                double[] ab = SyntheticImages.ab(px[i]);
                ta[i] = (float) ab[0];
                tb[i] = (float) ab[1];
            }
            float[] zero = new float[px.length];
            assertEquals(AbErrorAuc.auc(zero, zero, ta, tb), s.auc(), 2e-3);
        }
        assertEquals(0.0, t.mean(ImageScores.GRAY).colorfulnessPred());
    }

    @Test
    void grayPredictionIsAllowedAndScoresLikeTheGrayBaseline() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 3, 40, 30, "x");
        Path grayDir = dir.resolve("gray");
        MakeGray.Result made = MakeGray.run(truth, grayDir, ProgressListener.NONE);
        assertEquals(List.of(), made.errors());
        EvaluationTable t = evaluator().evaluate(truth, grayDir, List.of(Baseline.GRAY), DEFAULTS, ProgressListener.NONE).table();
        assertEquals(List.of(ImageScores.PRED, ImageScores.GRAY), t.methods());
        ImageScores pred = t.rows(ImageScores.PRED).get(0);
        ImageScores gray = t.rows(ImageScores.GRAY).get(0);
        assertEquals(0.0, pred.colorfulnessPred());
        assertEquals(gray.auc(), pred.auc(), 1e-3);
        assertEquals(gray.psnr(), pred.psnr(), 0.05);
        assertEquals(gray.ssim(), pred.ssim(), 1e-3);
    }

    @Test
    void unmatchedFilesAreLeftOutAndReported() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 16, 16, "a", "b", "c");
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 1, 16, 16, "a", "b", "d");
        Evaluator.Evaluation ev = evaluator().evaluate(truth, pred, List.of(), DEFAULTS, ProgressListener.NONE);
        assertEquals(List.of("a", "b"), names(ev.table().rows()));
        assertEquals(List.of(truth.resolve("c.png")), ev.unmatchedTruth());
        assertEquals(List.of(pred.resolve("d.png")), ev.unmatchedPred());
        String warnings = String.join("\n", ev.warnings());
        assertTrue(warnings.contains("c.png") && warnings.contains("no prediction"), warnings);
        assertTrue(warnings.contains("d.png") && warnings.contains("no truth"), warnings);
    }

    @Test
    void predictionsMatchTruthByBaseNameAcrossExtensions() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 16, 16, "a");
        Path pred = Files.createDirectories(dir.resolve("pred"));
        ImagePlus copy = SyntheticImages.colorful("a", 16, 16, 1);
        ij.IJ.saveAs(copy, "tiff", pred.resolve("a.tif").toString());
        ImageScores s = evaluator().evaluate(truth, pred, List.of(), DEFAULTS, ProgressListener.NONE).table().rows().get(0);
        assertEquals("a", s.name());
        assertEquals(Double.POSITIVE_INFINITY, s.psnr());
    }

    @Test
    void noMatchingNamesIsAnErrorListingBothSides() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 16, 16, "a");
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 1, 16, 16, "z");
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> evaluator().evaluate(truth, pred, List.of(), DEFAULTS, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("a.png") && e.getMessage().contains("z.png"), e.getMessage());
    }

    @Test
    void sizeMismatchNamesTheFile() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 32, 24, "a", "b");
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 1, 32, 24, "a");
        SyntheticImages.writePng(SyntheticImages.colorful("b", 30, 24, 2), pred.resolve("b.png"));
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> evaluator().evaluate(truth, pred, List.of(), DEFAULTS, ProgressListener.NONE));
        assertTrue(e.getMessage().contains(pred.resolve("b.png").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("30×24") && e.getMessage().contains("32×24"), e.getMessage());
    }

    @Test
    void grayTruthIsRefused() throws Exception {
        Path truth = SyntheticImages.writePng(SyntheticImages.gray("t", 16, 16), dir.resolve("t.png"));
        Path pred = SyntheticImages.writePng(SyntheticImages.colorful("p", 16, 16, 1), dir.resolve("p.png"));
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> evaluator().evaluate(truth, pred, List.of(), DEFAULTS, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("t.png") && e.getMessage().contains("must be an RGB color image"), e.getMessage());
    }

    @Test
    void tooSmallForSsimIsAClearError() throws Exception {
        Path truth = SyntheticImages.writePng(SyntheticImages.colorful("t", 6, 6, 1), dir.resolve("t.png"));
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> evaluator().evaluate(truth, truth, List.of(), DEFAULTS, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("6×6") && e.getMessage().contains("7×7"), e.getMessage());
    }

    @Test
    void twoFilesAreOnePairNamedByTheTruth() throws Exception {
        Path truth = SyntheticImages.writePng(SyntheticImages.colorful("t", 16, 16, 1), dir.resolve("photo.png"));
        Path pred = SyntheticImages.writePng(SyntheticImages.colorful("p", 16, 16, 2), dir.resolve("photo-colorized.png"));
        EvaluationTable t = evaluator().evaluate(truth, pred, List.of(Baseline.GRAY), DEFAULTS, ProgressListener.NONE).table();
        assertEquals(List.of("photo", "photo"), names(t.rows()));
        assertEquals(List.of(ImageScores.PRED, ImageScores.GRAY), t.methods());
    }

    @Test
    void fileAgainstFolderAndMissingInputsAreErrors() throws Exception {
        Path folder = SyntheticImages.folder(dir.resolve("truth"), 1, 16, 16, "a");
        Path file = folder.resolve("a.png");
        Evaluator e = evaluator();
        assertTrue(assertThrows(ColorizeException.class, () -> e.evaluate(folder, file, List.of(), DEFAULTS, ProgressListener.NONE))
                .getMessage().contains("is a folder but prediction"));
        assertTrue(assertThrows(ColorizeException.class, () -> e.evaluate(file, folder, List.of(), DEFAULTS, ProgressListener.NONE))
                .getMessage().contains("is a file but prediction"));
        assertTrue(assertThrows(ColorizeException.class,
                () -> e.evaluate(dir.resolve("missing"), file, List.of(), DEFAULTS, ProgressListener.NONE)).getMessage().contains("does not exist"));
        assertTrue(assertThrows(ColorizeException.class, () -> e.evaluate(file, null, List.of(), DEFAULTS, ProgressListener.NONE))
                .getMessage().contains("Nothing to evaluate"));
    }

    @Test
    void twoImagesWithOneBaseNameInAFolderAreRefused() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 16, 16, "a");
        ij.IJ.saveAs(SyntheticImages.colorful("a", 16, 16, 1), "tiff", truth.resolve("a.tif").toString());
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> evaluator().evaluate(truth, null, List.of(Baseline.GRAY), DEFAULTS, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("a.png") && e.getMessage().contains("a.tif"), e.getMessage());
    }

    @Test
    void openImagesCanBeCompared() throws Exception {
        ImagePlus truth = SyntheticImages.colorful("truth.png", 20, 20, 5);
        ImagePlus pred = SyntheticImages.colorful("pred", 20, 20, 5);
        EvaluationTable t = evaluator().evaluate(EvalImagesIJ.open(truth), EvalImagesIJ.open(pred), List.of(), DEFAULTS,
                ProgressListener.NONE).table();
        assertEquals("truth", t.rows().get(0).name());
        assertEquals(Double.POSITIVE_INFINITY, t.rows().get(0).psnr());
        ImagePlus small = SyntheticImages.colorful("small", 19, 20, 5);
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> evaluator().evaluate(EvalImagesIJ.open(truth), EvalImagesIJ.open(small), List.of(), DEFAULTS,
                        ProgressListener.NONE));
        assertTrue(e.getMessage().contains("'small'") && e.getMessage().contains("'truth.png'"), e.getMessage());
    }

    @Test
    void everyMethodGetsOneMeanRowAndTheCsvRoundTrips() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 24, 24, "a", "b", "c");
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 11, 24, 24, "a", "b", "c");
        EvaluationTable t = evaluator().evaluate(truth, pred, List.of(Baseline.GRAY, Baseline.GRAY), DEFAULTS,
                ProgressListener.NONE).table();
        assertEquals(6, t.rows().size(), "gray asked twice is scored once");
        assertEquals(List.of("pred", "gray"), t.methods());
        Path csv = dir.resolve("out/scores.csv");
        t.writeCsv(csv, false);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(EvaluationTable.HEADER, lines.get(0));
        assertEquals(1 + 6 + 2, lines.size());
        assertTrue(lines.get(1).startsWith("a,") && lines.get(1).endsWith(",pred"), lines.get(1));
        assertTrue(lines.get(2).startsWith("a,") && lines.get(2).endsWith(",gray"), lines.get(2));
        assertTrue(lines.get(7).startsWith("mean,") && lines.get(7).endsWith(",pred"), lines.get(7));
        assertTrue(lines.get(8).startsWith("mean,") && lines.get(8).endsWith(",gray"), lines.get(8));
        EvaluationTable back = EvaluationTable.readCsv(csv);
        assertEquals(t.rows(), back.rows());
        assertEquals(t.means(), back.means());
    }

    @Test
    void progressCoversEveryImageAndEndsAtOne() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 16, 16, "a", "b");
        List<Double> fractions = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        evaluator().evaluate(truth, truth, List.of(Baseline.GRAY), DEFAULTS, (stage, f) -> {
            stages.add(stage);
            fractions.add(f);
        });
        assertEquals(1.0, fractions.get(fractions.size() - 1));
        for (int i = 1; i < fractions.size(); i++) assertTrue(fractions.get(i) >= fractions.get(i - 1), fractions.toString());
        assertTrue(stages.contains("[2/2] b: gray"), stages.toString());
    }

    @Test
    void modelBaselineColorizesTheGrayTruth() throws Exception {
        Path model = TinyModels.regression();
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 48, 40, "a", "b");
        try (ModelRegistry models = new ModelRegistry(List.of(TinyModels.root()))) {
            ColorizeOptions cpu = ColorizeOptions.fromMap(java.util.Map.of(ColorizeOptions.DEVICE, "cpu"));
            List<Baseline> baselines = List.of(Baseline.GRAY, Baseline.model("tiny-regression"),
                    Baseline.model(model.toString()));
            EvaluationTable t = new Evaluator(models)
                    .evaluate(truth, null, baselines, cpu, ProgressListener.NONE).table();
            assertEquals(List.of("gray", "model:tiny-regression"), t.methods(), "one model by name and by path is one method");
            assertEquals(4, t.rows().size());
            ImageScores gray = t.rows("gray").get(0);
            ImageScores tiny = t.rows("model:tiny-regression").get(0);
            assertEquals("a", tiny.name());
            assertTrue(tiny.colorfulnessPred() > 0.5, "the tiny network adds some chroma: CF = " + tiny.colorfulnessPred());
            assertTrue(Double.isFinite(tiny.psnr()) && tiny.auc() > 0 && tiny.auc() <= 1, tiny.toString());
            assertNotEquals(gray.auc(), tiny.auc());
            assertEquals(gray.colorfulnessTruth(), tiny.colorfulnessTruth());
            assertEquals(2, t.means().size());
        }
    }

    @Test
    void rastersAreComparedWithoutImageJ() throws Exception {
        int[] px = new int[20 * 16];
        for (int i = 0; i < px.length; i++) px[i] = 0xff000000 | (i * 37 % 256) << 16 | (i * 11 % 256) << 8 | (i % 256);
        int[] shifted = px.clone();
        shifted[5] ^= 0x00100000;
        Evaluator.OpenImage truth = new Evaluator.OpenImage("t", "t.png", DecodedImage.color(new RgbRaster(20, 16, px, false), 1));
        Evaluator.OpenImage pred = new Evaluator.OpenImage("p", "p", DecodedImage.color(new RgbRaster(20, 16, shifted, false), 1));
        EvaluationTable t = new Evaluator(registry, null).evaluate(truth, pred, List.of(Baseline.GRAY), DEFAULTS,
                ProgressListener.NONE).table();
        assertEquals(List.of("t", "t"), names(t.rows()));
        assertTrue(Double.isFinite(t.rows().get(0).psnr()) && t.rows().get(0).psnr() > 40, t.rows().get(0).toString());
        ColorizeException e = assertThrows(ColorizeException.class, () -> new Evaluator(registry, null).evaluate(truth, null,
                List.of(Baseline.model("tiny-regression")), DEFAULTS, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("tiny-regression"), e.getMessage());
    }

    @Test
    void modelBaselinesGoThroughTheGivenColorizer() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 24, 20, "a");
        List<ModelBaseline.GrayInput> seen = new ArrayList<>();
        ModelBaseline.Colorizer echo = (input, options, progress) -> {
            seen.add(input);
            assertTrue(options.model().endsWith("tiny-regression"), options.model());
            return new ModelBaseline.Colorized(RgbRaster.ofGray(input.width(), input.height(), input.gray()), List.of("echo"));
        };
        try (ModelRegistry models = new ModelRegistry(List.of(TinyModels.root()))) {
            TinyModels.regression();
            Evaluator.Evaluation ev = new Evaluator(models, echo).evaluate(truth, null,
                    List.of(Baseline.GRAY, Baseline.model("tiny-regression")), DEFAULTS, ProgressListener.NONE);
            ImageScores gray = ev.table().rows("gray").get(0);
            ImageScores echoed = ev.table().rows("model:tiny-regression").get(0);
            assertEquals(1, seen.size());
            assertEquals(24, seen.get(0).width());
            assertTrue(seen.get(0).info().contains("make-gray"), seen.get(0).info());
            assertEquals(gray.psnr(), echoed.psnr(), "the gray input colorized as itself scores as the gray baseline");
            assertEquals(gray.auc(), echoed.auc());
            assertEquals(List.of("a (model:tiny-regression): echo"), ev.warnings());
        }
    }

    @Test
    void missingModelBaselineFailsBeforeAnyImageIsRead() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 16, 16, "a");
        List<String> stages = new ArrayList<>();
        ColorizeException e = assertThrows(ColorizeException.class, () -> evaluator().evaluate(truth, null,
                List.of(Baseline.GRAY, Baseline.model("no-such-model")), DEFAULTS, (s, f) -> stages.add(s)));
        assertTrue(e.getMessage().contains("no-such-model") && e.getMessage().contains("not found"), e.getMessage());
        assertTrue(stages.isEmpty(), stages.toString());
    }

    @Test
    void baselineListsParse() {
        assertEquals(List.of(), Baseline.parseList(" none "));
        assertEquals(List.of(), Baseline.parseList(""));
        assertEquals(List.of(Baseline.GRAY, Baseline.model("m1"), Baseline.model("/x/m2")),
                Baseline.parseList("Gray, m1,/x/m2,gray"));
        assertThrows(IllegalArgumentException.class, () -> Baseline.parseList("gray,,m"));
        assertEquals("gray", Baseline.GRAY.toString());
    }
}
