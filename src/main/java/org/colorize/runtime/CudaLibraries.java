package org.colorize.runtime;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CUDA 11.2 / cuDNN 8.1 runtime libraries TensorFlow 2.10's CUDA build opens by name, as the
 * GPU install tree ships them in {@code lib/linux64} (from {@code org.bytedeco:cuda:11.2-8.1-1.5.5},
 * classifier {@code linux-x86_64-redist}). A running JVM cannot extend the loader's search path
 * (glibc reads LD_LIBRARY_PATH once, at process start), so they are loaded into the process
 * before TensorFlow starts; TensorFlow's own dlopen("libcudart.so.11.0") then finds the already
 * loaded library by its soname.
 */
public final class CudaLibraries {
    /** The folder, instead of {@code lib/linux64} of the install tree. */
    public static final String PROPERTY = "colorize.cuda.dir";

    /** What TF 2.10 opens to register the GPU; listed in dependency order (cuDNN's parts before cuDNN). */
    public static final List<String> REQUIRED = List.of(
            "libcudart.so.11.0", "libcublasLt.so.11", "libcublas.so.11", "libcufft.so.10", "libcurand.so.10",
            "libcusparse.so.11", "libcusolver.so.11",
            "libcudnn_ops_infer.so.8", "libcudnn_ops_train.so.8", "libcudnn_cnn_infer.so.8", "libcudnn_cnn_train.so.8",
            "libcudnn_adv_infer.so.8", "libcudnn_adv_train.so.8", "libcudnn.so.8");

    private CudaLibraries() {
    }

    /** The configured folder, else {@code lib/linux64} of the ImageJ tree this jar sits in (plugins/ or jars/). */
    public static Optional<Path> folder() {
        String own = System.getProperty(PROPERTY);
        if (own != null && !own.isBlank()) return Optional.of(Paths.get(own));
        try {
            Path jar = Paths.get(CudaLibraries.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path tree = jar.getParent() == null ? null : jar.getParent().getParent();
            if (tree == null) return Optional.empty();
            Path lib = tree.resolve("lib").resolve("linux64");
            return Files.isDirectory(lib) ? Optional.of(lib) : Optional.empty();
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The required libraries {@code folder} lacks. */
    public static List<String> missing(Path folder) {
        List<String> missing = new ArrayList<>();
        for (String lib : REQUIRED) if (!Files.isRegularFile(folder.resolve(lib))) missing.add(lib);
        return missing;
    }

    public static boolean installed() {
        return folder().map(f -> missing(f).isEmpty()).orElse(false);
    }

    /**
     * Loads every required library, retrying those whose dependencies were not loaded yet until
     * no more progress is made. Returns the ones that failed with the loader's message (empty: all loaded).
     */
    public static Map<String, String> preload(Path folder) {
        List<String> todo = new ArrayList<>(REQUIRED);
        Map<String, String> failed = new LinkedHashMap<>();
        boolean progress = true;
        while (!todo.isEmpty() && progress) {
            progress = false;
            failed.clear();
            for (Iterator<String> it = todo.iterator(); it.hasNext(); ) {
                String lib = it.next();
                try {
                    System.load(folder.resolve(lib).toAbsolutePath().toString());
                    it.remove();
                    progress = true;
                } catch (UnsatisfiedLinkError e) {
                    failed.put(lib, e.getMessage());
                }
            }
        }
        return failed;
    }
}
