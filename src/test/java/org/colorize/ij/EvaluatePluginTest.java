package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.Macro;
import ij.measure.ResultsTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.colorize.eval.Baseline;
import org.colorize.eval.EvaluateOptions;
import org.colorize.eval.EvaluationTable;
import org.colorize.eval.Evaluator;
import org.colorize.eval.SyntheticImages;
import org.colorize.image.Upsampling;
import org.colorize.runtime.DeviceChoice;
import org.colorize.ColorizeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The macro path of Evaluate Colorization, headless: option parsing, the core call, the CSV and
 * the ResultsTable. The dialog is not exercised (GenericDialog throws without a display).
 */
class EvaluatePluginTest {
    @TempDir
    Path dir;

    /** Runs {@code action} with System.out captured (IJ.log prints there without an ImageJ window). */
    private static String captureLog(Runnable action) {
        PrintStream previous = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(previous);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void macroOptionsAreParsedAndUnknownKeysWarned() {
        AtomicReference<EvaluatePlugin.Request> request = new AtomicReference<>();
        String log = captureLog(() -> request.set(EvaluatePlugin.fromMacro(
                "truth=/data/truth pred=[/data/my preds] baseline=gray,my-model csv=/out/s.csv overwrite"
                        + " device=cpu upsample=guided temperature=0.5 colour=red")));
        EvaluateOptions o = request.get().options();
        assertEquals("/data/truth", o.truth());
        assertEquals("/data/my preds", o.pred());
        assertEquals(List.of(Baseline.GRAY, Baseline.model("my-model")), o.baselines());
        assertEquals(Paths.get("/out/s.csv"), o.csv());
        assertTrue(o.overwrite());
        assertEquals(DeviceChoice.CPU, o.colorize().device());
        assertEquals(Upsampling.GUIDED, o.colorize().upsample());
        assertEquals(0.5, o.colorize().temperature());
        assertEquals(EvaluatePlugin.Compare.AUTO, request.get().compare());
        assertTrue(log.contains("unknown option 'colour' ignored"), log);
        assertTrue(log.contains("known: truth, pred, baseline, csv, overwrite"), log);
    }

    @Test
    void recordedDialogOptionsParse() {
        // what ImageJ's recorder writes for the dialog: compare=, pred=, truth=, baseline=, csv=
        EvaluatePlugin.Request r = EvaluatePlugin.fromMacro("compare=images pred=colorized.png truth=photo.png baseline=none csv=");
        assertEquals(EvaluatePlugin.Compare.IMAGES, r.compare());
        assertEquals(List.of(), r.options().baselines());
        assertNull(r.options().csv());
        assertFalse(r.options().overwrite());
        assertEquals(EvaluatePlugin.Compare.FILES, EvaluatePlugin.fromMacro("compare=files truth=/t baseline=gray pred=").compare());
    }

    @Test
    void badValuesFailNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluatePlugin.fromMacro("truth=/t pred=/p compare=sideways"));
        assertTrue(e.getMessage().startsWith("compare"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EvaluatePlugin.fromMacro("pred=/p"));
        assertTrue(e.getMessage().startsWith("truth"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EvaluatePlugin.fromMacro("truth=/t"));
        assertTrue(e.getMessage().contains("pred") && e.getMessage().contains("baseline"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EvaluatePlugin.fromMacro("truth=/t baseline=[gray,,x]"));
        assertTrue(e.getMessage().startsWith("baseline"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EvaluatePlugin.fromMacro("truth=/t pred=/p device=tpu"));
        assertTrue(e.getMessage().contains("device"), e.getMessage());
    }

    @Test
    void staticEntryEvaluatesFoldersAndWritesTheCsv() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 20, 20, "a", "b");
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 4, 20, 20, "a", "b");
        Path csv = dir.resolve("scores.csv");
        AtomicReference<String> result = new AtomicReference<>();
        String log = captureLog(() -> result.set(EvaluatePlugin.evaluate(
                "truth=[" + truth + "] pred=[" + pred + "] baseline=gray csv=[" + csv + "]")));
        assertEquals(csv.toString(), result.get(), log);
        EvaluationTable t = EvaluationTable.readCsv(csv);
        assertEquals(List.of("pred", "gray"), t.methods());
        assertEquals(4, t.rows().size());
        assertTrue(log.contains(EvaluatePlugin.RESULTS_TITLE) && log.contains("mean"), "headless: the table goes to the Log: " + log);
        // the CSV is not replaced without overwrite
        String again = captureLog(() -> result.set(EvaluatePlugin.evaluate("truth=[" + truth + "] baseline=gray csv=[" + csv + "]")));
        assertTrue(result.get().startsWith("error: ") && result.get().contains("already exists"), result.get());
        assertTrue(again.contains("Evaluate Colorization error"), again);
        assertEquals(4, EvaluationTable.readCsv(csv).rows().size());
        captureLog(() -> result.set(EvaluatePlugin.evaluate("truth=[" + truth + "] baseline=gray csv=[" + csv + "] overwrite")));
        assertEquals(csv.toString(), result.get());
        assertEquals(List.of("gray"), EvaluationTable.readCsv(csv).methods());
    }

    @Test
    void staticEntryReportsErrorsAsText() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 20, 20, "a");
        Path pred = Files.createDirectories(dir.resolve("pred"));
        SyntheticImages.writePng(SyntheticImages.colorful("a", 20, 21, 1), pred.resolve("a.png"));
        AtomicReference<String> result = new AtomicReference<>();
        captureLog(() -> result.set(EvaluatePlugin.evaluate("truth=[" + truth + "] pred=[" + pred + "]")));
        assertTrue(result.get().startsWith("error: ") && result.get().contains(pred.resolve("a.png").toString()), result.get());
        captureLog(() -> result.set(EvaluatePlugin.evaluate("truth=nothing-here pred=[" + pred + "]")));
        assertTrue(result.get().contains("truth=nothing-here is neither an open image nor an existing file or folder"), result.get());
        captureLog(() -> result.set(EvaluatePlugin.evaluate("compare=images truth=nope pred=nope2")));
        assertTrue(result.get().contains("no open image has this title"), result.get());
    }

    @Test
    void runInMacroModeReadsMacroOptions() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 20, 20, "a");
        Path csv = dir.resolve("macro.csv");
        String options = "truth=[" + truth + "] pred=[" + truth + "] csv=[" + csv + "] bogus=1";
        AtomicReference<Throwable> failure = new AtomicReference<>();
        String log = captureLog(() -> {
            Thread t = new Thread(() -> {
                try {
                    Macro.setOptions(options);
                    new EvaluatePlugin().run("");
                } catch (Throwable x) {
                    failure.set(x);
                } finally {
                    Macro.setOptions(null);
                }
            }, "Run$_evaluate-test");
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertNull(failure.get());
        assertTrue(log.contains("unknown option 'bogus'"), log);
        EvaluationTable table = EvaluationTable.readCsv(csv);
        assertEquals(Double.POSITIVE_INFINITY, table.mean().psnr());
    }

    @Test
    void resultsTableHasARowPerImageAndMethodAndTheMeans() throws ColorizeException {
        Evaluator.Evaluation ev;
        try (var registry = new org.colorize.model.ModelRegistry(List.of())) {
            ev = new Evaluator(registry, null).evaluate(EvalImagesIJ.open(SyntheticImages.colorful("t", 16, 16, 1)),
                    EvalImagesIJ.open(SyntheticImages.colorful("p", 16, 16, 2)), List.of(Baseline.GRAY), null, (s, f) -> { });
        }
        ResultsTable rt = EvaluatePlugin.toResultsTable(ev.table());
        assertEquals(4, rt.size());
        assertEquals(List.of("image", "method", "psnr", "ssim", "auc", "cf_pred", "cf_truth", "delta_cf"),
                List.of(rt.getHeadings()).subList(rt.getHeadings().length - 8, rt.getHeadings().length));
        assertEquals("t", rt.getStringValue("image", 0));
        assertEquals("gray", rt.getStringValue("method", 1));
        assertEquals("mean", rt.getStringValue("image", 3));
        assertEquals("gray", rt.getStringValue("method", 3));
        assertEquals(0.0, rt.getValue("cf_pred", 3));
        assertEquals(ev.table().rows().get(0).psnr(), rt.getValue("psnr", 0), 1e-9);
    }
}
