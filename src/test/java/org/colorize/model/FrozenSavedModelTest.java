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
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.framework.NodeDef;
import org.tensorflow.proto.framework.SavedModel;

class FrozenSavedModelTest {
    @Test
    void variablesBecomeConstantsInACachedCopyKeyedByTheModel(@TempDir Path cache) throws Exception {
        String old = System.getProperty(FrozenSavedModel.CACHE_PROPERTY);
        System.setProperty(FrozenSavedModel.CACHE_PROPERTY, cache.toString());
        try {
            Path source = TinyModels.regression();
            Map<String, String> before = digests(source);
            Path frozen = FrozenSavedModel.servingFolder(source);
            assertEquals(cache, frozen.getParent(), "written into the cache");
            SavedModel model = SavedModel.parseFrom(Files.readAllBytes(frozen.resolve("saved_model.pb")));
            var graph = model.getMetaGraphs(0).getGraphDef();
            assertTrue(graph.getNodeList().stream().map(NodeDef::getOp).noneMatch(op -> op.startsWith("Variable")));
            assertEquals(2, graph.getNodeList().stream().filter(n -> n.getName().endsWith("_weight") && n.getOp().equals("Const")).count(),
                    "the tiny net's two conv weights are constants");
            assertTrue(model.getMetaGraphs(0).containsSignatureDef("serving_default"));
            assertFalse(Files.exists(frozen.resolve("variables")));
            long written = Files.getLastModifiedTime(frozen.resolve("saved_model.pb")).toMillis();
            Thread.sleep(20);
            assertEquals(frozen, FrozenSavedModel.servingFolder(source), "a second load finds the cached copy");
            assertEquals(written, Files.getLastModifiedTime(frozen.resolve("saved_model.pb")).toMillis(), "and does not write it again");
            assertEquals(frozen, FrozenSavedModel.servingFolder(frozen), "a folder without variables is served as it is");
            assertEquals(before, digests(source), "the model folder is only read");
            // another version of the model (other weights) gets its own entry
            Path other = TinyModels.copyInto(TinyModels.distribution(), cache.resolveSibling(cache.getFileName() + "-other"));
            assertNotEquals(frozen, FrozenSavedModel.servingFolder(other));
            try (Stream<Path> entries = Files.list(cache)) {
                assertEquals(2, entries.count(), "two entries, no temporary folder left");
            }
        } finally {
            if (old == null) System.clearProperty(FrozenSavedModel.CACHE_PROPERTY);
            else System.setProperty(FrozenSavedModel.CACHE_PROPERTY, old);
        }
    }

    @Test
    void theFrozenGraphGivesTheSameChromaAsTheVariables(@TempDir Path cache) throws Exception {
        int n = 32;
        float[] l = new float[n * n];
        for (int i = 0; i < l.length; i++) l[i] = 100f * ((i * 7) % 97) / 97;
        float[] frozen;
        float[] asExported;
        String oldCache = System.getProperty(FrozenSavedModel.CACHE_PROPERTY);
        System.setProperty(FrozenSavedModel.CACHE_PROPERTY, cache.toString());
        try (ColorizationModel model = ColorizationModel.load(TinyModels.regression(), DeviceChoice.CPU)) {
            frozen = model.predictAb(l, n, AnnealedMean.ZHANG_TEMPERATURE).ab();
        } finally {
            if (oldCache == null) System.clearProperty(FrozenSavedModel.CACHE_PROPERTY);
            else System.setProperty(FrozenSavedModel.CACHE_PROPERTY, oldCache);
        }
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(1, entries.count(), "the model was served from its frozen copy");
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
    void aCacheThatCannotBeWrittenServesTheVariables(@TempDir Path dir) throws Exception {
        Path blocker = Files.writeString(dir.resolve("a-file"), "not a folder");
        String old = System.getProperty(FrozenSavedModel.CACHE_PROPERTY);
        System.setProperty(FrozenSavedModel.CACHE_PROPERTY, blocker.resolve("cache").toString());
        try {
            assertEquals(TinyModels.regression(), FrozenSavedModel.servingFolder(TinyModels.regression()));
        } finally {
            if (old == null) System.clearProperty(FrozenSavedModel.CACHE_PROPERTY);
            else System.setProperty(FrozenSavedModel.CACHE_PROPERTY, old);
        }
    }

    @Test
    void switchedOffItServesTheSourceFolder() throws Exception {
        String old = System.getProperty(FrozenSavedModel.PROPERTY);
        System.setProperty(FrozenSavedModel.PROPERTY, "false");
        try {
            assertEquals(TinyModels.regression(), FrozenSavedModel.servingFolder(TinyModels.regression()));
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
