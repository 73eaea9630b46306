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
        assertEquals("image,psnr,ssim,auc,cf_pred,cf_truth,delta_cf", lines.get(0));
        assertEquals("astronaut.png,22.5,0.81,0.91,30.0,40.0,10.0", lines.get(1));
        assertTrue(text.contains("\"a, \"\"quoted\"\"\nname\",24.5,"), text);
        assertTrue(lines.get(lines.size() - 1).startsWith("mean,"), text);
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
}
