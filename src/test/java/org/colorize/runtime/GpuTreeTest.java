package org.colorize.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colorize.runtime.TensorFlowNatives.Build;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GPU tree (mvn -Pgpu test) on a machine without a GPU: TensorFlow's CUDA build with the CUDA
 * libraries loaded starts, runs on the CPU and says so in one line. A fresh JVM (scripts/gpu-check's
 * main), since the engine starts once per process and prints that line once.
 */
class GpuTreeTest {
    @TempDir
    Path dir;

    @Test
    void withoutAGpuTheCudaBuildFallsBackToTheCpuWithOneLine() throws Exception {
        assumeTrue(TensorFlowNatives.onClassPath(TensorFlowRuntime.classLoader()).stream().anyMatch(n -> n.build() == Build.CUDA)
                && CudaLibraries.installed(), "the GPU tree (mvn -Pgpu)");
        assumeTrue(NvidiaDriver.kernelModuleVersion() == null, "a machine without an NVIDIA driver");
        Path cuda = CudaLibraries.folder().orElseThrow();
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true", "-D" + CudaLibraries.PROPERTY + "=" + cuda, "-cp", System.getProperty("java.class.path")));
        String cache = System.getProperty(NativesCache.PROPERTY);
        if (cache != null) command.add("-D" + NativesCache.PROPERTY + "=" + cache);
        command.add(GpuCheck.class.getName());
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "gpu-check finishes");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), "no GPU: exit 1\n" + stdout + stderr);

        List<String> noGpu = stderr.stream().filter(l -> l.contains("no GPU found")).toList();
        assertEquals(1, noGpu.size(), "one line: " + stderr);
        assertTrue(noGpu.get(0).contains("no NVIDIA driver: libcuda.so.1 not found"), noGpu.get(0));
        assertFalse(String.join("\n", stderr).contains("cuBLAS"), "TensorFlow's cuBLAS factory line is filtered: " + stderr);
        assertTrue(stdout.contains("CUDA 11.2 build") && stdout.contains(", device cpu"), stdout);
        for (String lib : CudaLibraries.REQUIRED) {
            assertTrue(stdout.contains("mapped                   " + cuda + File.separator + lib), lib + " loaded from the tree:\n" + stdout);
        }
    }
}
