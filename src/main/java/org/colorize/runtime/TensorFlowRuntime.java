package org.colorize.runtime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.colorize.ColorizeException;

/**
 * DJL's TensorFlow engine, loaded once, offline. The project ships a corrected
 * {@code native/lib/tensorflow.properties} so DJL uses the bundled CPU natives instead of trying
 * to download CUDA ones, and {@code ai.djl.offline=true} makes sure nothing ever tries the network.
 */
public final class TensorFlowRuntime {
    public static final String ENGINE = "TensorFlow";

    private static Engine engine;

    private TensorFlowRuntime() {
    }

    /** Loads the engine (first call extracts the natives, ~15 s once per machine). */
    public static synchronized Engine engine() throws ColorizeException {
        if (engine != null) return engine;
        if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline", "true");
        try {
            engine = withContextLoader(() -> Engine.getEngine(ENGINE));
            return engine;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ColorizeException("Cannot start DJL's TensorFlow engine: " + e.getMessage()
                    + ". The TensorFlow natives (tensorflow-native-cpu 2.10.1) must be on the class path"
                    + " (ImageJ: in jars/), and the machine must be linux-x86_64.", e);
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

    /** The context class loader for DJL calls: ours, with the corrected natives descriptor first. */
    public static ClassLoader classLoader() {
        return new NativesDescriptorLoader(TensorFlowRuntime.class.getClassLoader());
    }

    /** Number of GPUs the engine can use (0 with the CPU natives). */
    public static int gpuCount() throws ColorizeException {
        return engine().getGpuCount();
    }

    /** The device for a choice; {@code gpu} without a GPU is an error, not a silent fallback. */
    public static Device device(DeviceChoice choice) throws ColorizeException {
        int gpus = gpuCount();
        return switch (choice) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new ColorizeException("device=gpu was asked for, but DJL's TensorFlow engine sees no GPU"
                            + " (installed natives: CPU build). Use device=auto or device=cpu.");
                }
                yield Device.gpu();
            }
        };
    }
}
