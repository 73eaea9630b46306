package org.colorize.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.eval.EvaluationTable;
import org.colorize.eval.SyntheticImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** The SciJava twin through a real Context, as a script would call it. */
class EvaluateCommandTest {
    private static Context context;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        context = new Context(CommandService.class);
    }

    @AfterAll
    static void stop() {
        context.dispose();
    }

    private static CommandModule run(Map<String, Object> inputs) throws Exception {
        return context.service(CommandService.class).run(EvaluateCommand.class, true, inputs).get();
    }

    @Test
    void evaluatesFoldersWithTheGrayBaseline() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 20, 20, "a", "b");
        Path pred = SyntheticImages.folder(dir.resolve("pred"), 3, 20, 20, "a", "b");
        Path csv = dir.resolve("c.csv");
        CommandModule m = run(Map.of("truth", truth.toFile(), "pred", pred.toFile(), "baseline", "gray", "csv", csv.toFile()));
        assertTrue(!m.isCanceled(), m.getCancelReason());
        EvaluationTable table = (EvaluationTable) m.getOutput("table");
        assertEquals(List.of("pred", "gray"), table.methods());
        assertEquals(4, table.rows().size());
        assertTrue(((String) m.getOutput("text")).contains("mean"));
        assertEquals(table.rows(), EvaluationTable.readCsv(csv).rows());
    }

    @Test
    void comparesImagesGivenAsInputs() throws Exception {
        CommandModule m = run(Map.of("truthImage", SyntheticImages.colorful("t", 16, 16, 1),
                "predImage", SyntheticImages.colorful("p", 16, 16, 1)));
        EvaluationTable table = (EvaluationTable) m.getOutput("table");
        assertEquals(Double.POSITIVE_INFINITY, table.rows().get(0).psnr());
    }

    @Test
    void problemsCancelWithTheMessage() throws Exception {
        Path truth = SyntheticImages.folder(dir.resolve("truth"), 1, 20, 20, "a");
        CommandModule m = run(Map.of("truth", truth.toFile()));
        assertTrue(m.isCanceled());
        assertTrue(m.getCancelReason().contains("Nothing to evaluate"), m.getCancelReason());
        assertNull(m.getOutput("table"));
        m = run(Map.of("truth", truth.toFile(), "baseline", "gray,,x"));
        assertTrue(m.isCanceled() && m.getCancelReason().contains("empty entry"), m.getCancelReason());
    }
}
