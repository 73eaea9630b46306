package org.colorize.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.ColorizeException;

/**
 * {@code scripts/gpu-check}: everything the GPU path depends on, one line each, in the order it is
 * needed: the TensorFlow natives on the class path, the NVIDIA driver, the CUDA libraries, and
 * what TensorFlow (through DJL) finally sees. Exit status 0 when a GPU is usable, 1 when not.
 */
public final class GpuCheck {
    private GpuCheck() {
    }

    public static void main(String[] args) {
        System.exit(run() ? 0 : 1);
    }

    static boolean run() {
        ClassLoader loader = TensorFlowRuntime.classLoader();
        List<TensorFlowNatives> found = TensorFlowNatives.onClassPath(loader);
        section("TensorFlow natives on the class path");
        if (found.isEmpty()) line("none", "no TensorFlow natives jar: the install tree is incomplete");
        for (TensorFlowNatives n : found) line(n.build().label(), n.artifact() + " in " + n.location(loader));

        section("NVIDIA driver");
        NvidiaDriver driver = NvidiaDriver.probe();
        line("kernel module", driver.version() == null ? "not loaded (/proc/driver/nvidia/version missing)" : driver.version()
                + (driver.newEnough() ? " (CUDA 11.2 needs " + NvidiaDriver.MINIMUM + "+: ok)" : " (too old: CUDA 11.2 needs " + NvidiaDriver.MINIMUM + "+)"));
        line("libcuda.so.1", driver.libcudaFound() ? "found" : "not found: " + driver.libcudaProblem());

        section("CUDA 11.2 / cuDNN 8.1 libraries");
        Path folder = CudaLibraries.folder().orElse(null);
        if (folder == null) {
            line("folder", "none (no lib/linux64 beside the install tree, no -D" + CudaLibraries.PROPERTY + ")");
        } else {
            line("folder", folder.toString());
            List<String> missing = CudaLibraries.missing(folder);
            for (String lib : CudaLibraries.REQUIRED) line(lib, missing.contains(lib) ? "MISSING" : size(folder.resolve(lib)));
        }

        section("TensorFlow through DJL");
        try {
            GpuStatus status = TensorFlowRuntime.gpuStatus();
            line("loaded", TensorFlowRuntime.describe());
            line("GPU", status.usable() ? "usable (" + TensorFlowRuntime.gpuCount() + ")" : "not used: " + status.whyNot());
            for (String lib : LoadedLibraries.named("libtensorflow", "libjnitensorflow", "libcuda", "libcudart", "libcublas",
                    "libcudnn", "libcufft", "libcurand", "libcusolver", "libcusparse")) {
                line("mapped", lib);
            }
            return status.usable();
        } catch (ColorizeException e) {
            line("engine", "does not start: " + e.getMessage());
            return false;
        }
    }

    private static String size(Path file) {
        try {
            return "ok, " + Files.size(file) / 1_000_000 + " MB";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println(title + ":");
    }

    private static void line(String key, String value) {
        System.out.printf("  %-24s %s%n", key, value);
    }
}
