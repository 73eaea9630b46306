package org.colorize.runtime;

import java.util.List;
import java.util.Locale;
import org.colorize.ColorizeException;
import org.colorize.runtime.TensorFlowNatives.Build;

/**
 * Which TensorFlow build to load when the class path holds more than one (a Fiji {@code jars/}
 * that kept an older natives jar): the CUDA build only where the CUDA libraries were installed
 * beside it, else the CPU build. {@code -Dcolorize.natives=cpu|cuda} decides instead.
 */
final class NativesChoice {
    static final String PROPERTY = "colorize.natives";

    private NativesChoice() {
    }

    static TensorFlowNatives choose(List<TensorFlowNatives> found, boolean cudaLibrariesInstalled, String override)
            throws ColorizeException {
        if (found.isEmpty()) {
            throw new ColorizeException("No TensorFlow " + TensorFlowNatives.TF_VERSION + " natives on the class path: put "
                    + TensorFlowNatives.CORE_API_CPU.artifact() + " (CPU) or " + TensorFlowNatives.DJL_NATIVE.artifact()
                    + " (CUDA) in ImageJ's jars/ (mvn package builds target/imagej with them).");
        }
        if (override != null && !override.isBlank()) {
            Build wanted = parse(override);
            for (TensorFlowNatives n : found) if (n.build() == wanted) return n;
            throw new ColorizeException("-D" + PROPERTY + "=" + override + " asks for the TensorFlow " + wanted.label()
                    + ", but the class path holds only " + describe(found) + ".");
        }
        Build preferred = cudaLibrariesInstalled ? Build.CUDA : Build.CPU;
        for (TensorFlowNatives n : found) if (n.build() == preferred) return n;
        return found.get(0);
    }

    private static Build parse(String key) throws ColorizeException {
        return switch (key.trim().toLowerCase(Locale.ROOT)) {
            case "cpu" -> Build.CPU;
            case "cuda", "gpu" -> Build.CUDA;
            default -> throw new ColorizeException("-D" + PROPERTY + " must be cpu or cuda, not " + key);
        };
    }

    private static String describe(List<TensorFlowNatives> found) {
        return String.join(", ", found.stream().map(TensorFlowNatives::describe).toList());
    }
}
