package org.colorize.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.model.TinyModels;
import org.colorize.nn.FusionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceAwareRebuildTest {
    @Test
    void theFusedGraphIsReExportedFromItsOwnWeightsAndGivesTheSameAb(@TempDir Path dir) throws Exception {
        Path model = TinyModels.copyInto(TinyInstanceModels.model(), dir.resolve("m"));
        Path original = TinyModels.copyInto(model.resolve(InstanceAwareExport.FUSION_FOLDER), dir.resolve("original"));
        byte[] card = Files.readAllBytes(model.resolve("model.json"));
        byte[] plain = Files.readAllBytes(model.resolve("saved_model.pb"));
        double diff = InstanceAwareExport.rebuildFusion(model);
        assertTrue(diff <= InstanceAwareExport.REBUILD_TOLERANCE, "rebuilt graph differs by " + diff);
        assertEquals(diff, InstanceAwareExport.maxDifference(original, model.resolve(InstanceAwareExport.FUSION_FOLDER),
                TinyInstanceModels.SIZE, TinyInstanceModels.CROP), 0);
        assertArrayEquals(card, Files.readAllBytes(model.resolve("model.json")), "the card stays");
        assertArrayEquals(plain, Files.readAllBytes(model.resolve("saved_model.pb")), "the full-image graph stays");
        assertTrue(Files.list(model).noneMatch(p -> p.getFileName().toString().startsWith(".rebuild")), "no staging folder left");
    }

    @Test
    void theWeightNetsAreReadFromTheVariables() throws Exception {
        Path fusion = TinyInstanceModels.model().resolve(InstanceAwareExport.FUSION_FOLDER);
        assertEquals(FusionConfig.COLORIZE, InstanceAwareExport.trainedFusionConfig(InstanceAwareExport.variables(fusion)));
    }

    @Test
    void theBoxSizeTermIsReadFromTheVariables() throws Exception {
        var weights = InstanceAwareExport.variables(TinyInstanceModels.model().resolve(InstanceAwareExport.FUSION_FOLDER));
        try {
            weights.put("fusion/conv1_2/" + org.colorize.nn.InstanceFusion.BOX_SIZE, org.tensorflow.types.TFloat32.scalarOf(-1f));
            assertEquals(FusionConfig.COLORIZE.withBoxSizeTerm(true), InstanceAwareExport.trainedFusionConfig(weights));
        } finally {
            weights.values().forEach(org.tensorflow.Tensor::close);
        }
    }

    @Test
    void aModelThatIsNotInstanceAwareIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InstanceAwareExport.rebuildFusion(TinyModels.regression()));
    }
}
