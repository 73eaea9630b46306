package org.colorize.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What device=gpu says is missing, case by case, in the order a user fixes things. */
class GpuStatusTest {
    private static final NvidiaDriver NO_DRIVER = new NvidiaDriver(null, false, "libcuda.so.1: cannot open shared object file");
    private static final NvidiaDriver DRIVER = new NvidiaDriver("535.104.05", true, null);
    private static final Path LIBS = Path.of("/opt/imagej-gpu/lib/linux64");

    private static String why(TensorFlowNatives natives, NvidiaDriver driver, Path folder, List<String> missing, Map<String, String> failed) {
        return new GpuStatus(natives, driver, folder, missing, failed, false).whyNot();
    }

    @Test
    void cpuOnlyInstallSaysHowToGetTheGpuTree() {
        String why = why(TensorFlowNatives.CORE_API_CPU, null, null, List.of(), Map.of());
        assertTrue(why.startsWith("this is a CPU-only install") && why.contains("mvn -Pgpu package"), why);
    }

    @Test
    void noDriverComesBeforeMissingLibraries() {
        String why = why(TensorFlowNatives.DJL_NATIVE, NO_DRIVER, null, CudaLibraries.REQUIRED, Map.of());
        assertTrue(why.startsWith("no NVIDIA driver: libcuda.so.1 not found") && why.contains("460.27"), why);
    }

    @Test
    void missingCudaLibrariesAreNamed() {
        assertTrue(why(TensorFlowNatives.DJL_NATIVE, DRIVER, null, CudaLibraries.REQUIRED, Map.of()).startsWith("CUDA libraries missing: no lib/linux64"));
        String why = why(TensorFlowNatives.DJL_NATIVE, DRIVER, LIBS, List.of("libcudnn.so.8"), Map.of());
        assertTrue(why.contains("missing in " + LIBS + ": libcudnn.so.8"), why);
        why = why(TensorFlowNatives.DJL_NATIVE, DRIVER, LIBS, List.of(), Map.of("libcublas.so.11", "undefined symbol x"));
        assertTrue(why.contains("do not load: libcublas.so.11: undefined symbol x"), why);
    }

    @Test
    void anOldDriverIsNamed() {
        String why = why(TensorFlowNatives.DJL_NATIVE, new NvidiaDriver("418.87.01", true, null), LIBS, List.of(), Map.of());
        assertTrue(why.contains("418.87.01 is older than 460.27"), why);
        assertTrue(new NvidiaDriver("460.27.04", true, null).newEnough());
        assertFalse(new NvidiaDriver("460.20", true, null).newEnough());
        assertTrue(new NvidiaDriver("550.54", true, null).newEnough());
    }

    @Test
    void aUsableGpuHasNoReason() {
        GpuStatus ok = new GpuStatus(TensorFlowNatives.DJL_NATIVE, DRIVER, LIBS, List.of(), Map.of(), true);
        assertTrue(ok.usable());
        assertNull(ok.whyNot());
        GpuStatus fallback = new GpuStatus(TensorFlowNatives.DJL_NATIVE, NO_DRIVER, LIBS, List.of(), Map.of(), false);
        assertTrue(fallback.fallbackLine().startsWith("Colorize: no GPU found, running on the CPU: no NVIDIA driver"));
    }
}
