package org.colorize.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.runtime.TensorFlowNatives.Build;

/**
 * DJL's TensorFlow engine, loaded once, offline, from whichever TensorFlow build the class path
 * holds: the CPU build ({@code org.tensorflow:tensorflow-core-api:0.5.0:linux-x86_64}, the default
 * install) or the CUDA build with the CUDA libraries beside it ({@code mvn -Pgpu package}).
 * The libraries are extracted once into a cache folder ({@link NativesCache}) and DJL is pointed at
 * it; DJL would otherwise look only for its own jar layout and, not finding it, try the network.
 */
public final class TensorFlowRuntime {
    public static final String ENGINE = "TensorFlow";

    /** DJL reads this (environment first, then system property) for a folder with libjnitensorflow.so. */
    static final String LIBRARY_PATH = "TENSORFLOW_LIBRARY_PATH";

    private static Engine engine;
    private static TensorFlowNatives natives;
    private static GpuStatus gpu;

    private TensorFlowRuntime() {
    }

    /** Loads the engine (the first start on a machine extracts the natives: a few seconds). */
    public static synchronized Engine engine() throws ColorizeException {
        if (engine != null) return engine;
        setIfAbsent("ai.djl.offline", "true");
        ClassLoader loader = classLoader();
        TensorFlowNatives chosen = NativesChoice.choose(TensorFlowNatives.onClassPath(loader), CudaLibraries.installed(),
                System.getProperty(NativesChoice.PROPERTY));
        Path folder = NativesCache.folder(chosen, loader, NativesCache.root());
        System.setProperty(LIBRARY_PATH, folder.toString());
        // DJL hands that folder to JavaCPP as its preload path; without pathsFirst JavaCPP would
        // still prefer the copies inside the jar, extract them a second time into ~/.javacpp and
        // map two libtensorflow_framework.so.2 into the process (measured).
        setIfAbsent("org.bytedeco.javacpp.pathsFirst", "true");
        // DJL probes for a CUDA runtime through JNA and warns when it finds one without a driver;
        // GpuStatus says what matters instead.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        GpuStatus before = chosen.build() == Build.CUDA ? prepareCuda(chosen) : cpuOnly(chosen);
        try {
            Engine started = chosen.build() == Build.CUDA
                    ? NativeStderr.filtered(line -> line.contains("Unable to register cuBLAS factory"), TensorFlowRuntime::startEngine)
                    : startEngine();
            boolean seesGpu = chosen.build() == Build.CUDA && started.hasCapability("CUDA");
            gpu = new GpuStatus(chosen, before.driver(), before.cudaFolder(), before.cudaMissing(), before.cudaFailures(), seesGpu);
            natives = chosen;
            engine = started;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ColorizeException("Cannot start DJL's TensorFlow engine with " + chosen.describe() + " from "
                    + chosen.location(loader) + " (extracted to " + folder + "): " + e.getMessage()
                    + ". The machine must be linux-x86_64 with glibc 2.17 or newer.", e);
        }
        if (chosen.build() == Build.CUDA && !gpu.usable()) System.err.println(gpu.fallbackLine());
        return engine;
    }

    private static Engine startEngine() {
        return withContextLoader(() -> Engine.getEngine(ENGINE));
    }

    private static GpuStatus cpuOnly(TensorFlowNatives chosen) {
        return new GpuStatus(chosen, null, null, List.of(), Map.of(), false);
    }

    /**
     * Finds the driver and the CUDA libraries and loads the libraries, with or without a driver:
     * TensorFlow then fails only at cuInit and runs on the CPU, and the loading is exercised
     * (and its failures reported) on every machine, not only on those with a GPU.
     */
    private static GpuStatus prepareCuda(TensorFlowNatives chosen) {
        NvidiaDriver driver = NvidiaDriver.probe();
        Path folder = CudaLibraries.folder().orElse(null);
        List<String> missing = folder == null ? CudaLibraries.REQUIRED : CudaLibraries.missing(folder);
        Map<String, String> failures = Map.of();
        if (folder != null && missing.isEmpty()) {
            failures = CudaLibraries.preload(folder);
            // DJL counts GPUs through JNA's own search for libcudart; let it find this one.
            String jna = System.getProperty("jna.library.path");
            System.setProperty("jna.library.path", jna == null || jna.isBlank() ? folder.toString() : jna + File.pathSeparator + folder);
        }
        return new GpuStatus(chosen, driver, folder, missing, failures, false);
    }

    /** The TensorFlow build that was loaded (starts the engine). */
    public static TensorFlowNatives natives() throws ColorizeException {
        engine();
        return natives;
    }

    /** Whether a GPU is used, and if not, why (starts the engine). */
    public static GpuStatus gpuStatus() throws ColorizeException {
        engine();
        return gpu;
    }

    /**
     * One line for listings, About boxes and provenance, e.g. "TensorFlow 2.10.1 CPU build
     * (org.tensorflow:tensorflow-core-api 0.5.0), device cpu": the build that runs and the device
     * {@code device=auto} takes. Never throws: an engine that cannot start is described as such.
     */
    public static String describe() {
        try {
            return natives().describe() + ", device " + (gpuStatus().usable() ? "gpu" : "cpu");
        } catch (ColorizeException e) {
            return "TensorFlow not loaded: " + e.getMessage();
        }
    }

    /** {@link #describe()} for the device a model actually runs on. */
    public static String describe(Device device) {
        try {
            return natives().describe() + ", device " + (device.isGpu() ? "gpu" : "cpu");
        } catch (ColorizeException e) {
            return "TensorFlow not loaded: " + e.getMessage();
        }
    }

    /** Work that may throw a checked exception of one type. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code work} with {@link #classLoader()} as the thread's context class loader, and
     * restores the previous one. Inside ImageJ the plugin's class loader is not the context
     * loader; DJL and SciJava look engines and plugins up through the context loader and cache a
     * miss forever. Every DJL entry point of the project goes through here.
     */
    public static <T, E extends Exception> T withContextLoader(Work<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(classLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The context class loader for DJL calls: the one that loaded this plugin and its jars. */
    public static ClassLoader classLoader() {
        return TensorFlowRuntime.class.getClassLoader();
    }

    /** Number of GPUs TensorFlow can use (0 with the CPU build, or with no usable GPU). */
    public static int gpuCount() throws ColorizeException {
        if (!gpuStatus().usable()) return 0;
        return Math.max(1, engine().getGpuCount());
    }

    /** The device for a choice; {@code gpu} without a GPU is an error, not a silent fallback. */
    public static Device device(DeviceChoice choice) throws ColorizeException {
        boolean gpuUsable = gpuStatus().usable();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpuUsable ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (!gpuUsable) {
                    throw new ColorizeException("device=gpu was asked for, but there is no GPU: " + gpuStatus().whyNot()
                            + ". Use device=auto or device=cpu.");
                }
                yield Device.gpu();
            }
        };
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
