package org.colorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.colorize.runtime.TensorFlowNatives.CORE_API_CPU;
import static org.colorize.runtime.TensorFlowNatives.CORE_API_GPU;
import static org.colorize.runtime.TensorFlowNatives.DJL_NATIVE;

import java.util.List;
import org.colorize.ColorizeException;
import org.junit.jupiter.api.Test;

class NativesChoiceTest {
    @Test
    void theDefaultTreeLoadsTheCpuBuild() throws Exception {
        assertEquals(CORE_API_CPU, NativesChoice.choose(List.of(CORE_API_CPU), false, null));
    }

    @Test
    void theGpuTreeLoadsTheCudaBuild() throws Exception {
        assertEquals(DJL_NATIVE, NativesChoice.choose(List.of(DJL_NATIVE), true, null));
    }

    @Test
    void aStaleCudaJarBesideTheCpuBuildIsIgnoredWithoutCudaLibraries() throws Exception {
        assertEquals(CORE_API_CPU, NativesChoice.choose(List.of(CORE_API_CPU, DJL_NATIVE), false, null));
        assertEquals(DJL_NATIVE, NativesChoice.choose(List.of(CORE_API_CPU, DJL_NATIVE), true, null));
    }

    @Test
    void aCudaBuildAloneIsLoadedEvenWithoutCudaLibraries() throws Exception {
        assertEquals(CORE_API_GPU, NativesChoice.choose(List.of(CORE_API_GPU), false, null), "it runs on the CPU");
    }

    @Test
    void thePropertyDecides() throws Exception {
        assertEquals(CORE_API_CPU, NativesChoice.choose(List.of(CORE_API_CPU, DJL_NATIVE), true, "cpu"));
        assertEquals(DJL_NATIVE, NativesChoice.choose(List.of(CORE_API_CPU, DJL_NATIVE), false, "cuda"));
        ColorizeException e = assertThrows(ColorizeException.class, () -> NativesChoice.choose(List.of(CORE_API_CPU), false, "gpu"));
        assertTrue(e.getMessage().contains("holds only TensorFlow 2.10.1 CPU build"), e.getMessage());
        assertThrows(ColorizeException.class, () -> NativesChoice.choose(List.of(CORE_API_CPU), false, "tpu"));
    }

    @Test
    void noNativesNamesBothJars() {
        ColorizeException e = assertThrows(ColorizeException.class, () -> NativesChoice.choose(List.of(), false, null));
        assertTrue(e.getMessage().contains(CORE_API_CPU.artifact()) && e.getMessage().contains(DJL_NATIVE.artifact()), e.getMessage());
    }

    @Test
    void descriptionsNameBuildAndArtifact() {
        assertEquals("TensorFlow 2.10.1 CPU build (org.tensorflow:tensorflow-core-api 0.5.0)", CORE_API_CPU.describe());
        assertEquals("TensorFlow 2.10.1 CUDA 11.2 build (org.tensorflow:tensorflow-core-api 0.5.0 (gpu))", CORE_API_GPU.describe());
        assertEquals("TensorFlow 2.10.1 CUDA 11.2 build (ai.djl.tensorflow:tensorflow-native-cpu 2.10.1)", DJL_NATIVE.describe());
        assertEquals("2.10.1-cpu-tensorflow-core-api-0.5.0-linux-x86_64", CORE_API_CPU.cacheName());
        assertEquals(3, TensorFlowNatives.KNOWN.stream().map(TensorFlowNatives::cacheName).distinct().count());
    }
}
