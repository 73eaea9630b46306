package org.colorize.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The NVIDIA driver as seen from this process: its kernel module's version and whether the
 * driver's {@code libcuda.so.1} (which no install tree can ship: it must match the kernel module)
 * can be opened. CUDA 11.2 needs driver 460.27 or newer (450.80.02 with CUDA's minor-version
 * compatibility).
 */
public record NvidiaDriver(String version, boolean libcudaFound, String libcudaProblem) {
    public static final String MINIMUM = "460.27";

    private static final Path VERSION_FILE = Paths.get("/proc/driver/nvidia/version");
    private static final Pattern VERSION = Pattern.compile("Kernel Module\\s+(?:for \\S+\\s+)?(\\d+\\.\\d+(?:\\.\\d+)?)");

    /** Opens libcuda.so.1 (TensorFlow would, too); only worth doing before a CUDA build starts. */
    public static NvidiaDriver probe() {
        String problem = null;
        try {
            com.sun.jna.NativeLibrary.getInstance("libcuda.so.1");
        } catch (UnsatisfiedLinkError e) {
            problem = firstCause(e.getMessage());
        }
        return new NvidiaDriver(kernelModuleVersion(), problem == null, problem);
    }

    /** JNA lists every place it looked; the loader's own reason (the second line) says it all. */
    private static String firstCause(String message) {
        if (message == null) return "unknown reason";
        String[] lines = message.split("\\R");
        return (lines.length > 1 ? lines[1] : lines[0]).trim();
    }

    /** The version in /proc/driver/nvidia/version, or null without the kernel module. */
    public static String kernelModuleVersion() {
        try {
            if (!Files.isReadable(VERSION_FILE)) return null;
            Matcher m = VERSION.matcher(Files.readString(VERSION_FILE));
            return m.find() ? m.group(1) : "unknown";
        } catch (IOException e) {
            return null;
        }
    }

    /** The driver's major version is at least {@link #MINIMUM}'s (unknown counts as old enough). */
    public boolean newEnough() {
        if (version == null || !version.matches("\\d+\\.\\d+.*")) return true;
        String[] have = version.split("\\.");
        String[] need = MINIMUM.split("\\.");
        int major = Integer.parseInt(have[0]) - Integer.parseInt(need[0]);
        return major != 0 ? major > 0 : Integer.parseInt(have[1]) >= Integer.parseInt(need[1]);
    }

    public String describe() {
        if (libcudaFound) return "NVIDIA driver " + (version == null ? "(version unknown)" : version) + ", libcuda.so.1 found";
        return (version == null ? "no NVIDIA driver" : "NVIDIA kernel module " + version + " but")
                + " (libcuda.so.1 not found)";
    }
}
