package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Named losses: their moving averages and log columns, including what checkpoints from before them hold. */
class NamedLossesTest {
    private static final List<String> NAMES = List.of(LossValues.TOTAL, RegressionRecipe.SMOOTH_L1);

    @Test
    void aTotalIsRequiredAndNamesKeepTheRecipesOrder() {
        assertThrows(IllegalArgumentException.class, () -> new LossValues(Map.of("smooth_l1", 1.0)));
        LossValues v = LossValues.of(List.of("total", "b", "a"), new double[] {3, 2, 1});
        assertEquals(List.of("total", "b", "a"), v.names());
        assertEquals("total 3.000, b 2.000, a 1.000", v.describe());
    }

    @Test
    void smoothingContinuesFromACheckpointWrittenBeforeNamedLosses() {
        JsonObject old = new JsonObject();
        old.addProperty(LossSmoother.EMA, 0.5);
        old.addProperty(LossSmoother.COUNT, 100);
        LossSmoother s = LossSmoother.restore(old);
        LossValues smoothed = s.add(LossValues.of(NAMES, new double[] {1, 1}));
        assertEquals(0.98 * 0.5 + 0.02, smoothed.total(), 1e-12);
        assertEquals(1, smoothed.get(RegressionRecipe.SMOOTH_L1), "a name the checkpoint did not know starts at its value");
        JsonObject saved = new JsonObject();
        s.save(saved);
        LossValues again = LossSmoother.restore(saved).add(LossValues.of(NAMES, new double[] {0, 0}));
        assertEquals(0.98 * smoothed.total(), again.total(), 1e-12);
        assertEquals(0.98, again.get(RegressionRecipe.SMOOTH_L1), 1e-12);
    }

    @Test
    void aResumedLogKeepsOldRowsAndAddsTheNamedColumns(@TempDir Path tmp) throws Exception {
        Files.write(tmp.resolve(Checkpoints.LOG), List.of(TrainingLog.HEADER, "1,0.1,0.001,1,1,5,,,", "2,0.2,0.001,0.9,0.95,5,,,",
                "3,0.3,0.001,0.8,0.9,5,,,"), StandardCharsets.UTF_8);
        try (TrainingLog log = TrainingLog.open(tmp, 2, NAMES)) {
            log.step(new TrainingLog.Row(3, 0.4, 0.001, LossValues.of(NAMES, new double[] {0.7, 0.7}),
                    LossValues.of(NAMES, new double[] {0.85, 0.85}), 5, null));
        }
        List<String> lines = Files.readAllLines(tmp.resolve(Checkpoints.LOG), StandardCharsets.UTF_8);
        assertEquals(List.of(TrainingLog.HEADER + ",smooth_l1,val_smooth_l1", "1,0.1,0.001,1,1,5,,,,,", "2,0.2,0.001,0.9,0.95,5,,,,,",
                "3,0.4,0.001000,0.700000,0.850000,5.00,,,,0.700000,"), lines);
    }
}
