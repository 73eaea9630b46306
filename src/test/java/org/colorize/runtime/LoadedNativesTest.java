package org.colorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.colorize.ColorizeException;
import org.junit.jupiter.api.Test;

/** The default (CPU) test run: what is mapped into this process once the engine is up. */
class LoadedNativesTest {
    private static void assumeCpuInstall() {
        assumeTrue(TensorFlowNatives.onClassPath(TensorFlowRuntime.classLoader()).contains(TensorFlowNatives.CORE_API_CPU)
                && !CudaLibraries.installed(), "the CPU install (mvn test without -Pgpu)");
    }

    @Test
    void theCpuInstallLoadsTheCpuBuildOnceAndNoCudaLibrary() throws Exception {
        assumeCpuInstall();
        TensorFlowRuntime.engine();
        assertEquals(TensorFlowNatives.CORE_API_CPU, TensorFlowRuntime.natives());
        assertEquals("TensorFlow 2.10.1 CPU build (org.tensorflow:tensorflow-core-api 0.5.0), device cpu", TensorFlowRuntime.describe());

        List<String> tf = LoadedLibraries.named("libtensorflow_cc", "libtensorflow_framework", "libjnitensorflow");
        assertEquals(3, tf.size(), "each library once, none a second time from ~/.javacpp: " + tf);
        String folder = NativesCache.root().resolve(TensorFlowNatives.CORE_API_CPU.cacheName()).toString();
        for (String lib : tf) assertTrue(lib.startsWith(folder + "/"), lib + " comes from " + folder);

        // TensorFlow's CUDA stack. (DJL's own GPU count may map a system libcudart of another
        // version through JNA, this machine's CUDA 13 runtime for one; TensorFlow uses none.)
        assertEquals(List.of(), LoadedLibraries.named("libcublas", "libcudnn", "libcufft", "libcurand", "libcusolver",
                "libcusparse", "libcuda.so", "libcudart.so.11"));
        assertEquals(0, TensorFlowRuntime.gpuCount());
    }

    @Test
    void gpuOnTheCpuInstallSaysItIsOne() {
        assumeCpuInstall();
        ColorizeException e = assertThrows(ColorizeException.class, () -> TensorFlowRuntime.device(DeviceChoice.GPU));
        assertTrue(e.getMessage().startsWith("device=gpu was asked for, but there is no GPU: this is a CPU-only install"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn -Pgpu package"), e.getMessage());
    }
}
