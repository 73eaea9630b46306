package org.colorize.model;

import org.colorize.runtime.TensorFlowRuntime;
import org.colorize.runtime.DeviceChoice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.color.AnnealedMean;
import org.junit.jupiter.api.Test;

class ColorizationModelTest {

    @Test
    void predictsAbOfNetworkSizeInLabUnits() throws Exception {
        try (ColorizationModel model = ColorizationModel.load(TinyModels.regression(), DeviceChoice.CPU)) {
            int n = 64;
            float[] l = new float[n * n];
            for (int i = 0; i < l.length; i++) l[i] = 100f * (i % n) / n;
            AbField field = model.predictAb(l, n, AnnealedMean.ZHANG_TEMPERATURE);
            assertEquals(n, field.size());
            float[] ab = field.ab();
            assertEquals(n * n * 2, ab.length);
            float maxAbs = 0;
            for (float v : ab) {
                assertTrue(Math.abs(v) <= 110f, "ab within ±110");
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            assertTrue(maxAbs > 1f, "the tiny net gives some chroma, max |ab| = " + maxAbs);
            assertEquals("tiny-regression", model.card().name());
        }
    }

    @Test
    void distributionModelsAreDecodedByAnnealedMeanAtTheGivenTemperature() throws Exception {
        try (ColorizationModel model = ColorizationModel.load(TinyModels.distribution(), DeviceChoice.CPU)) {
            int n = 64;
            float[] l = new float[n * n];
            for (int i = 0; i < l.length; i++) l[i] = 30f + 40f * (i % n) / n;
            float[] sharp = model.predictAb(l, n, 0.02).ab();
            float[] mean = model.predictAb(l, n, 1.0).ab();
            // T → 0 picks the most likely bin, T = 1 averages over all bins (Zhang et al. 2016).
            double onBinSharp = onBinCenters(sharp), onBinMean = onBinCenters(mean);
            assertTrue(onBinSharp > 0.7, "T=0.02 lands on bin centers: " + onBinSharp);
            assertTrue(onBinMean < 0.1, "T=1 averages between bins: " + onBinMean);
            for (float v : sharp) assertTrue(Math.abs(v) <= 120f);
        }
    }

    @Test
    void aBatchOfPlanesPredictsWhatThePlanesPredictOneByOne() throws Exception {
        for (Path folder : List.of(TinyModels.regression(), TinyModels.distribution())) {
            try (ColorizationModel model = ColorizationModel.load(folder, DeviceChoice.CPU)) {
                int n = 64;
                List<float[]> planes = new java.util.ArrayList<>();
                for (int k = 0; k < ColorizationModel.MAX_BATCH + 2; k++) {
                    float[] l = new float[n * n];
                    for (int i = 0; i < l.length; i++) l[i] = (float) (50 + 45 * Math.sin(0.07 * (i % n) * (k + 1) + 0.05 * (i / n)));
                    planes.add(l);
                }
                List<AbField> batch = model.predict(LightnessBatch.of(n, planes), 0.5);
                assertEquals(planes.size(), batch.size(), "one field per plane, over more than one network call");
                for (int k = 0; k < planes.size(); k++) {
                    float[] alone = model.predictAb(planes.get(k), n, 0.5).ab();
                    float[] inBatch = batch.get(k).ab();
                    assertEquals(alone.length, inBatch.length);
                    for (int i = 0; i < alone.length; i++) {
                        assertEquals(alone[i], inBatch[i], 1e-3, folder.getFileName() + " plane " + k + " value " + i);
                    }
                }
                assertTrue(!java.util.Arrays.equals(batch.get(0).ab(), batch.get(1).ab()), "different planes, different ab");
            }
        }
    }

    @Test
    void eachThreadGetsItsOwnPredictor() throws Exception {
        try (ColorizationModel model = ColorizationModel.load(TinyModels.regression(), DeviceChoice.CPU)) {
            int n = 64;
            float[] l = new float[n * n];
            for (int i = 0; i < l.length; i++) l[i] = 100f * (i % n) / n;
            float[] expected = model.predictAb(l, n, Double.NaN).ab();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<float[]>> runs = new java.util.ArrayList<>();
                for (int k = 0; k < 6; k++) runs.add(pool.submit(() -> model.predictAb(l, n, Double.NaN).ab()));
                for (var r : runs) org.junit.jupiter.api.Assertions.assertArrayEquals(expected, r.get(), 1e-5f);
            } finally {
                pool.shutdown();
            }
        }
    }

    /** Fraction of pixels whose ab lies within 1 unit of a grid-10 bin center. */
    private static double onBinCenters(float[] ab) {
        int on = 0;
        for (int i = 0; i < ab.length; i += 2) {
            double da = ab[i] - 10 * Math.round(ab[i] / 10.0), db = ab[i + 1] - 10 * Math.round(ab[i + 1] / 10.0);
            if (Math.hypot(da, db) < 1) on++;
        }
        return on / (ab.length / 2.0);
    }

    @Test
    void refusesAnInputSignatureWithThreeChannels() {
        ColorizeException e = assertThrows(ColorizeException.class, () -> ColorizationModel.load(TinyModels.wrongInput(), DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("does not match") && e.getMessage().contains("one L channel"), e.getMessage());
    }

    @Test
    void refusesAnOutputThatDoesNotMatchTheCard() {
        ColorizeException e = assertThrows(ColorizeException.class, () -> ColorizationModel.load(TinyModels.wrongOutput(), DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("5 channels"), e.getMessage());
    }

    @Test
    void refusesAFolderWithoutSavedModel() throws IOException {
        Path folder = TinyModels.copy(TinyModels.regression(), "no-pb");
        Files.delete(folder.resolve("saved_model.pb"));
        ColorizeException e = assertThrows(ColorizeException.class, () -> ColorizationModel.load(folder, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("no saved_model.pb"), e.getMessage());
    }

    @Test
    void refusesACorruptSavedModel() throws IOException {
        Path folder = TinyModels.copy(TinyModels.regression(), "corrupt-pb");
        Files.write(folder.resolve("saved_model.pb"), "this is not a protocol buffer".getBytes());
        ColorizeException e = assertThrows(ColorizeException.class, () -> ColorizationModel.load(folder, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("Cannot load the SavedModel"), e.getMessage());
    }

    @Test
    void refusesAFolderWithoutCard() throws IOException {
        Path folder = TinyModels.copy(TinyModels.regression(), "no-card");
        Files.delete(folder.resolve(ModelCard.FILE_NAME));
        ColorizeException e = assertThrows(ColorizeException.class, () -> ColorizationModel.load(folder, DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
    }

    @Test
    void gpuWithoutGpuIsAClearError() throws Exception {
        assumeTrue(TensorFlowRuntime.gpuCount() == 0, "the claim is about machines without a GPU");
        ColorizeException e = assertThrows(ColorizeException.class, () -> ColorizationModel.load(TinyModels.regression(), DeviceChoice.GPU));
        assertTrue(e.getMessage().contains("no GPU"), e.getMessage());
    }

    @Test
    void registryFindsModelsByNameAndReportsMissingOnes() throws Exception {
        TinyModels.regression();
        try (ModelRegistry registry = new ModelRegistry(List.of(TinyModels.root()))) {
            assertEquals(TinyModels.regression().toAbsolutePath().normalize(), registry.resolve("tiny-regression"));
            ColorizeException e = assertThrows(ColorizeException.class, () -> registry.resolve("no-such-model"));
            assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("tiny-regression"), e.getMessage());
            ColorizationModel first = registry.load("tiny-regression", DeviceChoice.CPU);
            assertTrue(first == registry.load("tiny-regression", DeviceChoice.CPU), "loaded models are cached");
        }
    }

    @Test
    void emptyRegistryExplainsWhereItLooked() {
        try (ModelRegistry registry = new ModelRegistry(List.of(TinyModels.emptyRoot()))) {
            ColorizeException e = assertThrows(ColorizeException.class, registry::defaultModel);
            assertTrue(e.getMessage().startsWith("No colorization model installed") && e.getMessage().contains("empty-root"), e.getMessage());
        }
    }
}
