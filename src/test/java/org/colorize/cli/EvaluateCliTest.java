package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.eval.EvaluationTable;
import org.colorize.eval.SyntheticImages;
import org.colorize.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCliTest {
    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e, true, StandardCharsets.UTF_8));
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private Path truth() throws Exception {
        return SyntheticImages.folder(dir.resolve("truth"), 1, 24, 20, "a", "b");
    }

    @Test
    void evaluatesFoldersPrintsTheTableAndWritesTheCsv() throws Exception {
        Path truth = truth();
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 5, 24, 20, "a", "b", "extra");
        Path csv = dir.resolve("res/scores.csv");
        assertEquals(0, run("evaluate", "--truth", truth.toString(), "--pred", pred.toString(), "--csv", csv.toString(),
                "--baseline", "gray"), err);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(EvaluationTable.HEADER, lines.get(0));
        assertEquals(1 + 4 + 2, lines.size(), String.join("\n", lines));
        assertTrue(out.startsWith("image ") && out.contains("\nmean "), out);
        assertTrue(out.contains(" gray ") && out.contains(" pred "), out);
        assertTrue(err.contains("extra.png") && err.contains("warning"), err);
        assertTrue(err.contains("wrote " + csv), err);
        assertTrue(err.contains("(100%)"), "progress on stderr: " + err);
    }

    @Test
    void existingCsvIsKeptUnlessOverwriteIsGiven() throws Exception {
        Path truth = truth();
        Path csv = Files.writeString(dir.resolve("scores.csv"), "keep\n");
        assertEquals(1, run("evaluate", "--truth", truth.toString(), "--baseline", "gray", "--csv", csv.toString()));
        assertTrue(err.contains("already exists") && err.contains("--overwrite"), err);
        assertEquals("keep\n", Files.readString(csv));
        assertEquals(0, run("evaluate", "--truth", truth.toString(), "--baseline=gray", "--csv", csv.toString(), "--overwrite"), err);
        assertTrue(Files.readString(csv).startsWith(EvaluationTable.HEADER));
    }

    @Test
    void failuresExitWithOne() throws Exception {
        Path truth = truth();
        Path pred = Files.createDirectories(dir.resolve("pred"));
        SyntheticImages.writePng(SyntheticImages.colorful("a", 23, 20, 1), pred.resolve("a.png"));
        assertEquals(1, run("evaluate", "--truth", truth.toString(), "--pred", pred.toString()));
        assertTrue(err.contains(pred.resolve("a.png").toString()) && err.contains("same size"), err);
        assertEquals(1, run("evaluate", "--truth", dir.resolve("nowhere").toString(), "--baseline", "gray"));
        assertTrue(err.contains("does not exist"), err);
        assertEquals(1, run("evaluate", "--truth", truth.toString(), "--baseline", "no-such-model"));
        assertTrue(err.contains("no-such-model") && err.contains("not found"), err);
        assertEquals("", out, "no table on failure");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("evaluate"));
        assertTrue(err.contains("no ground truth") && err.contains("usage: colorize evaluate"), err);
        assertEquals(2, run("evaluate", "--truth", "t"));
        assertTrue(err.contains("nothing to evaluate"), err);
        assertEquals(2, run("evaluate", "--truth", "t", "--pred", "p", "--bogus", "1"));
        assertTrue(err.contains("unknown option --bogus"), err);
        assertEquals(2, run("evaluate", "--truth", "t", "p"));
        assertTrue(err.contains("unexpected argument 'p'"), err);
        assertEquals(2, run("evaluate", "--truth", "t", "--pred"));
        assertTrue(err.contains("--pred needs a value"), err);
        assertEquals(2, run("evaluate", "--truth", "t", "--pred", "p", "--device", "tpu"));
        assertTrue(err.contains("device"), err);
        assertEquals(2, run("evaluate", "--make-gray", "--truth", "t"));
        assertTrue(err.contains("-o OUTDIR"), err);
        assertEquals(2, run("evaluate", "--make-gray", "--truth", "t", "-o", "o", "--csv", "x.csv"));
        assertEquals(2, run("evaluate", "--truth", "t", "--pred", "p", "-o", "o"));
        assertEquals(2, run("evaluate", "--truth", "t", "--pred", "p", "--overwrite"));
    }

    @Test
    void helpExitsWithZero() {
        assertEquals(0, run("evaluate", "--help"));
        assertTrue(out.contains("usage: colorize evaluate") && out.contains("--make-gray") && out.contains(EvaluationTable.HEADER), out);
        assertEquals(0, run("--help"));
        assertTrue(out.contains("colorize evaluate"), out);
    }

    @Test
    void makeGrayWritesOnceAndThenRefusesToOverwrite() throws Exception {
        Path truth = truth();
        Path gray = dir.resolve("gray");
        assertEquals(0, run("evaluate", "--make-gray", "--truth", truth.toString(), "-o", gray.toString()), err);
        assertTrue(Files.isRegularFile(gray.resolve("a.png")) && Files.isRegularFile(gray.resolve("b.png")));
        assertEquals(1, SyntheticImages.bands(gray.resolve("a.png")));
        long modified = Files.getLastModifiedTime(gray.resolve("a.png")).toMillis();
        assertEquals(1, run("evaluate", "--make-gray", "--truth", truth.toString(), "-o", gray.toString()));
        assertTrue(err.contains("already exists") && err.contains("2 of 2 images failed"), err);
        assertEquals(modified, Files.getLastModifiedTime(gray.resolve("a.png")).toMillis());
        // the gray inputs are valid predictions: the gray baseline in another name
        assertEquals(0, run("evaluate", "--truth", truth.toString(), "--pred", gray.toString()), err);
        assertFalse(out.contains("nan"), out);
    }

    @Test
    void modelBaselineByFolder() throws Exception {
        Path model = TinyModels.regression();
        Path truth = truth();
        Path csv = dir.resolve("m.csv");
        assertEquals(0, run("evaluate", "--truth", truth.resolve("a.png").toString(), "--baseline", "gray," + model,
                "--device", "cpu", "--csv", csv.toString()), err);
        EvaluationTable t = EvaluationTable.readCsv(csv);
        assertEquals(List.of("gray", "model:tiny-regression"), t.methods());
        assertTrue(out.contains("model:tiny-regression"), out);
    }
}
