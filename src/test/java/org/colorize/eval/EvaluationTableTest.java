package org.colorize.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTableTest {

    @TempDir
    Path dir;

    private static EvaluationTable sample() {
        EvaluationTable t = new EvaluationTable();
        t.add(new ImageScores("astronaut.png", 22.5, 0.81, 0.91, 30.0, 40.0, 10.0));
        t.add(new ImageScores("a, \"quoted\"\nname", 24.5, 0.79, 0.93, 50.0, 44.0, 6.0));
        t.add(new ImageScores("third", 1.0 / 3.0, 1e-7, 0.5, 0.0, 12.345678901234567, 12.345678901234567));
        return t;
    }

    @Test
    void meanRowAveragesEveryColumn() {
        ImageScores m = sample().mean();
        assertEquals(EvaluationTable.MEAN_NAME, m.name());
        assertEquals((22.5 + 24.5 + 1.0 / 3.0) / 3, m.psnr(), 1e-12);
        assertEquals((0.81 + 0.79 + 1e-7) / 3, m.ssim(), 1e-12);
        assertEquals((0.91 + 0.93 + 0.5) / 3, m.auc(), 1e-12);
        assertEquals(80.0 / 3, m.colorfulnessPred(), 1e-12);
        assertEquals((84.0 + 12.345678901234567) / 3, m.colorfulnessTruth(), 1e-12);
        assertEquals((16.0 + 12.345678901234567) / 3, m.deltaColorfulness(), 1e-12);
    }

    @Test
    void csvHasStableHeaderRowsAndMeanLast() throws IOException {
        Path file = dir.resolve("scores.csv");
        sample().writeCsv(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals("image,psnr,ssim,auc,cf_pred,cf_truth,delta_cf,method", lines.get(0));
        assertEquals("astronaut.png,22.5,0.81,0.91,30.0,40.0,10.0,pred", lines.get(1));
        assertTrue(text.contains("\"a, \"\"quoted\"\"\nname\",24.5,"), text);
        assertTrue(lines.get(lines.size() - 1).startsWith("mean,"), text);
        assertTrue(lines.get(lines.size() - 1).endsWith(",pred"), text);
        assertTrue(text.endsWith("\n"));
    }

    @Test
    void csvRoundTripIsExact() throws IOException {
        Path file = dir.resolve("sub/dir/scores.csv");
        EvaluationTable t = sample();
        t.add(new ImageScores("identical", Double.POSITIVE_INFINITY, 1.0, 1.0, 3.0, 3.0, 0.0));
        t.writeCsv(file);
        EvaluationTable back = EvaluationTable.readCsv(file);
        assertEquals(t.rows(), back.rows());
        assertEquals(Double.POSITIVE_INFINITY, back.mean().psnr());
        assertTrue(Files.readString(file).contains("identical,inf,1.0,"));
    }

    @Test
    void writeReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, "old content\n");
        sample().writeCsv(file);
        assertEquals(3, EvaluationTable.readCsv(file).rows().size());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList());
        }
    }

    @Test
    void emptyTableHasNoMean() {
        EvaluationTable t = new EvaluationTable();
        assertThrows(IllegalStateException.class, t::mean);
        assertThrows(IllegalStateException.class, () -> t.writeCsv(dir.resolve("x.csv")));
    }

    @Test
    void rowsAreReadOnly() {
        EvaluationTable t = sample();
        assertThrows(UnsupportedOperationException.class, () -> t.rows().clear());
    }

    @Test
    void foreignCsvIsRejectedWithTheLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "name,value\nx,1\n");
        IOException e = assertThrows(IOException.class, () -> EvaluationTable.readCsv(file));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        Files.writeString(file, EvaluationTable.HEADER + "\nx,1,2\n");
        e = assertThrows(IOException.class, () -> EvaluationTable.readCsv(file));
        assertTrue(e.getMessage().contains("record 2"), e.getMessage());
    }

    private static EvaluationTable twoMethods() {
        EvaluationTable t = new EvaluationTable();
        t.add(new ImageScores("a", 20, 0.5, 0.8, 10, 30, 20, "pred"));
        t.add(new ImageScores("a", 18, 0.4, 0.7, 0, 30, 30, "gray"));
        t.add(new ImageScores("b", 22, 0.7, 0.9, 20, 40, 20, "pred"));
        t.add(new ImageScores("b", 19, 0.6, 0.6, 0, 40, 40, "gray"));
        t.add(new ImageScores("mean", 30, 0.9, 0.95, 5, 10, 5, "model:x, \"odd\""));
        return t;
    }

    @Test
    void everyMethodHasItsOwnMeanRow() {
        EvaluationTable t = twoMethods();
        assertEquals(List.of("pred", "gray", "model:x, \"odd\""), t.methods());
        assertEquals(21.0, t.mean("pred").psnr(), 1e-12);
        assertEquals(18.5, t.mean("gray").psnr(), 1e-12);
        assertEquals(0.0, t.mean("gray").colorfulnessPred());
        assertEquals("gray", t.mean("gray").method());
        assertEquals(3, t.means().size());
        assertThrows(IllegalStateException.class, t::mean, "mean() is ambiguous with several methods");
        assertThrows(IllegalArgumentException.class, () -> t.mean("nope"));
    }

    @Test
    void csvWithSeveralMethodsRoundTripsIncludingAnImageNamedMean() throws IOException {
        Path file = dir.resolve("m.csv");
        EvaluationTable t = twoMethods();
        t.writeCsv(file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(1 + 5 + 3, lines.size());
        assertEquals("mean,21.0,0.6,0.8500000000000001,15.0,35.0,20.0,pred", lines.get(6));
        assertTrue(lines.get(8).endsWith(",\"model:x, \"\"odd\"\"\""), lines.get(8));
        EvaluationTable back = EvaluationTable.readCsv(file);
        assertEquals(t.rows(), back.rows(), "the image named 'mean' is a row, the tail are the mean rows");
    }

    @Test
    void legacyCsvWithoutMethodColumnIsRead() throws IOException {
        Path file = dir.resolve("old.csv");
        Files.writeString(file, EvaluationTable.LEGACY_HEADER + "\nx,20.0,0.5,0.8,10.0,30.0,20.0\nmean,20.0,0.5,0.8,10.0,30.0,20.0\n");
        EvaluationTable back = EvaluationTable.readCsv(file);
        assertEquals(List.of(new ImageScores("x", 20.0, 0.5, 0.8, 10.0, 30.0, 20.0, "pred")), back.rows());
    }

    @Test
    void writeWithoutOverwriteLeavesAnExistingFile() throws IOException {
        Path file = dir.resolve("keep.csv");
        Files.writeString(file, "precious\n");
        assertThrows(java.nio.file.FileAlreadyExistsException.class, () -> sample().writeCsv(file, false));
        assertEquals("precious\n", Files.readString(file));
        Path fresh = dir.resolve("fresh.csv");
        sample().writeCsv(fresh, false);
        assertEquals(3, EvaluationTable.readCsv(fresh).rows().size());
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file is left");
        }
    }

    @Test
    void textTableIsAligned() {
        EvaluationTable t = twoMethods();
        t.add(new ImageScores("identical", Double.POSITIVE_INFINITY, 1, 1, 3, 3, 0, "pred"));
        String text = t.toText();
        List<String> lines = text.lines().toList();
        assertEquals(1 + 6 + 1 + 3, lines.size(), text);
        assertTrue(lines.get(0).startsWith("image "), text);
        int psnrEnd = lines.get(0).indexOf("psnr") + 4;
        for (String line : lines) {
            if (line.startsWith("-")) continue;
            char c = line.charAt(psnrEnd - 1);
            assertTrue(c != ' ', "psnr column right-aligned in: " + line);
            assertEquals(' ', line.charAt(psnrEnd), "separator after psnr in: " + line);
        }
        assertTrue(text.contains("  inf  "), text);
        assertTrue(lines.get(1).contains("20.00") && lines.get(1).contains("0.5000"), lines.get(1));
        assertTrue(lines.get(7).matches("-+"), lines.get(7));
        assertTrue(lines.get(8).startsWith("mean "), text);
    }
}
