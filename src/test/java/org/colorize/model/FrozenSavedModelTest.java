package org.colorize.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.colorize.color.AnnealedMean;
import org.colorize.runtime.DeviceChoice;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

class FrozenSavedModelTest {
    @Test
    void variablesBecomeConstantsInATemporaryCopyThatCloseDeletes() throws Exception {
        Path source = TinyModels.regression();
        Map<String, String> before = digests(source);
        Path frozen;
        try (FrozenSavedModel serving = FrozenSavedModel.of(source)) {
            frozen = serving.folder();
            assertNotEquals(source, frozen);
            assertEquals(2, serving.foldedVariables(), "the tiny net's two conv weights");
            SavedModel model = SavedModel.parseFrom(Files.readAllBytes(frozen.resolve("saved_model.pb")));
            var graph = model.getMetaGraphs(0).getGraphDef();
            assertTrue(graph.getNodeList().stream().map(NodeDef::getOp).noneMatch(op -> op.startsWith("Variable")));
            assertTrue(graph.getNodeList().stream().anyMatch(n -> n.getName().equals("conv1_weight") && n.getOp().equals("Const")));
            assertTrue(model.getMetaGraphs(0).containsSignatureDef("serving_default"));
            assertFalse(Files.exists(frozen.resolve("variables")));
            // nothing left to fold in the frozen copy: it is served as it is
            try (FrozenSavedModel again = FrozenSavedModel.of(frozen)) {
                assertEquals(frozen, again.folder());
                assertEquals(0, again.foldedVariables());
            }
        }
        assertFalse(Files.exists(frozen), "close deletes the temporary copy");
        assertEquals(before, digests(source), "the model folder is only read");
    }

    @Test
    void theFrozenGraphGivesTheSameChromaAsTheVariables() throws Exception {
        int n = 32;
        float[] l = new float[n * n];
        for (int i = 0; i < l.length; i++) l[i] = 100f * ((i * 7) % 97) / 97;
        float[] frozen;
        float[] asExported;
        try (ColorizationModel model = ColorizationModel.load(TinyModels.regression(), DeviceChoice.CPU)) {
            frozen = model.predictAb(l, n, AnnealedMean.ZHANG_TEMPERATURE).ab();
        }
        String old = System.getProperty(FrozenSavedModel.PROPERTY);
        System.setProperty(FrozenSavedModel.PROPERTY, "false");
        try (ColorizationModel model = ColorizationModel.load(TinyModels.regression(), DeviceChoice.CPU)) {
            asExported = model.predictAb(l, n, AnnealedMean.ZHANG_TEMPERATURE).ab();
        } finally {
            if (old == null) System.clearProperty(FrozenSavedModel.PROPERTY);
            else System.setProperty(FrozenSavedModel.PROPERTY, old);
        }
        assertArrayEquals(asExported, frozen, 1e-4f);
    }

    @Test
    void switchedOffItServesTheSourceFolder() throws Exception {
        String old = System.getProperty(FrozenSavedModel.PROPERTY);
        System.setProperty(FrozenSavedModel.PROPERTY, "false");
        try (FrozenSavedModel serving = FrozenSavedModel.of(TinyModels.regression())) {
            assertEquals(TinyModels.regression(), serving.folder());
            assertEquals(0, serving.foldedVariables());
        } finally {
            if (old == null) System.clearProperty(FrozenSavedModel.PROPERTY);
            else System.setProperty(FrozenSavedModel.PROPERTY, old);
        }
    }

    private static Map<String, String> digests(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
