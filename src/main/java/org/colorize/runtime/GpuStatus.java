package org.colorize.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.runtime.TensorFlowNatives.Build;

/**
 * Whether TensorFlow got a GPU, and if not, the first thing missing on the way there, with what to
 * do about it. Checked in the order a user fixes them: the install, the driver, the CUDA libraries.
 *
 * @param driver        null where not probed (a CPU build never opens libcuda)
 * @param cudaFolder    null where none was found
 * @param cudaFailures  libraries that did not load, with the loader's message
 */
public record GpuStatus(TensorFlowNatives natives, NvidiaDriver driver, Path cudaFolder, List<String> cudaMissing,
                        Map<String, String> cudaFailures, boolean tensorflowSeesGpu) {

    public boolean usable() {
        return tensorflowSeesGpu;
    }

    /** Why there is no GPU; null when there is one. */
    public String whyNot() {
        if (usable()) return null;
        if (natives.build() == Build.CPU) {
            return "this is a CPU-only install (" + natives.describe() + "); for the GPU, build the GPU install tree with"
                    + " `mvn -Pgpu package` (target/imagej-gpu; in Fiji copy its jars/ and lib/linux64/) and run"
                    + " `COLORIZE_PROFILE=gpu ./colorize`";
        }
        if (driver == null || !driver.libcudaFound()) {
            return "no NVIDIA driver: libcuda.so.1 not found (install the NVIDIA driver " + NvidiaDriver.MINIMUM
                    + " or newer; check with nvidia-smi or scripts/gpu-check)";
        }
        if (cudaFolder == null) {
            return "CUDA libraries missing: no lib/linux64 beside the install tree (build it with `mvn -Pgpu package`,"
                    + " or set -D" + CudaLibraries.PROPERTY + "=FOLDER)";
        }
        if (!cudaMissing.isEmpty()) {
            return "CUDA libraries missing in " + cudaFolder + ": " + String.join(", ", cudaMissing)
                    + " (rebuild with `mvn -Pgpu package` and copy lib/linux64 whole)";
        }
        if (!cudaFailures.isEmpty()) {
            var first = cudaFailures.entrySet().iterator().next();
            return "CUDA libraries in " + cudaFolder + " do not load: " + first.getKey() + ": " + first.getValue();
        }
        if (!driver.newEnough()) {
            return "NVIDIA driver " + driver.version() + " is older than " + NvidiaDriver.MINIMUM
                    + ", which CUDA 11.2 needs: update the driver";
        }
        return "TensorFlow found no usable GPU although " + driver.describe() + " and the CUDA libraries are there"
                + " (a GPU older than compute capability 3.5, or CUDA_VISIBLE_DEVICES hides it); run scripts/gpu-check";
    }

    /** The one line a CUDA build prints when it falls back to the CPU. */
    public String fallbackLine() {
        return "Colorize: no GPU found, running on the CPU: " + whyNot() + ".";
    }
}
