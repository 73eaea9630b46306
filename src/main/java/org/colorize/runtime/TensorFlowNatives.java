package org.colorize.runtime;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * One build of TensorFlow 2.10.1's native libraries as a jar carries them: where in the jar they
 * lie, which Maven artifact that is, and whether it is the CPU or the CUDA build. Both builds bring
 * their own {@code libjnitensorflow.so} (DJL's JNI glue, built against that very libtensorflow; the
 * two differ), so the three libraries always come from the same jar.
 */
public record TensorFlowNatives(Build build, String artifact, String folder) {
    public static final String TF_VERSION = "2.10.1";

    /** Loaded in this order: the framework first, as libtensorflow_cc and the JNI glue need it. */
    public static final List<String> LIBRARIES =
            List.of("libtensorflow_framework.so.2", "libtensorflow_cc.so.2", "libjnitensorflow.so");

    public enum Build {
        CPU("CPU build"),
        CUDA("CUDA 11.2 build");

        private final String label;

        Build(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** TensorFlow's own CPU build: the lean default (117 MB jar). */
    public static final TensorFlowNatives CORE_API_CPU = new TensorFlowNatives(Build.CPU,
            "org.tensorflow:tensorflow-core-api:0.5.0:linux-x86_64", "org/tensorflow/internal/c_api/linux-x86_64/");

    /** TensorFlow's own CUDA build. */
    public static final TensorFlowNatives CORE_API_GPU = new TensorFlowNatives(Build.CUDA,
            "org.tensorflow:tensorflow-core-api:0.5.0:linux-x86_64-gpu", "org/tensorflow/internal/c_api/linux-x86_64-gpu/");

    /**
     * DJL's jar is named "cpu" but holds the CUDA build (byte for byte the libraries of
     * {@link #CORE_API_GPU}); what the GPU install tree ships.
     */
    public static final TensorFlowNatives DJL_NATIVE = new TensorFlowNatives(Build.CUDA,
            "ai.djl.tensorflow:tensorflow-native-cpu:2.10.1:linux-x86_64", "native/lib/");

    public static final List<TensorFlowNatives> KNOWN = List.of(CORE_API_CPU, CORE_API_GPU, DJL_NATIVE);

    /** Class path resource of one of {@link #LIBRARIES}. */
    public String resource(String library) {
        return folder + library;
    }

    /** The builds whose three libraries are all on {@code loader}'s class path, in {@link #KNOWN} order. */
    public static List<TensorFlowNatives> onClassPath(ClassLoader loader) {
        List<TensorFlowNatives> found = new ArrayList<>();
        for (TensorFlowNatives natives : KNOWN) {
            if (LIBRARIES.stream().allMatch(lib -> loader.getResource(natives.resource(lib)) != null)) found.add(natives);
        }
        return found;
    }

    /** The jar that holds this build, for messages ("where did this come from"). */
    public String location(ClassLoader loader) {
        URL url = loader.getResource(resource(LIBRARIES.get(1)));
        if (url == null) return "not on the class path";
        String s = url.toString();
        int bang = s.indexOf("!/");
        return (bang < 0 ? s : s.substring(0, bang)).replaceFirst("^jar:", "").replaceFirst("^file:", "");
    }

    /** Maven coordinates without the classifier's "linux-x86_64", for one-line descriptions. */
    public String shortArtifact() {
        String[] p = artifact.split(":");
        return p[0] + ":" + p[1] + " " + p[2] + (p.length > 3 && p[3].endsWith("-gpu") ? " (gpu)" : "");
    }

    /** "TensorFlow 2.10.1 CPU build (org.tensorflow:tensorflow-core-api 0.5.0)". */
    public String describe() {
        return "TensorFlow " + TF_VERSION + " " + build.label() + " (" + shortArtifact() + ")";
    }

    /** The cache folder name: one per artifact, so two builds never share a folder. */
    public String cacheName() {
        String[] p = artifact.split(":");
        return TF_VERSION + "-" + build.name().toLowerCase(java.util.Locale.ROOT) + "-" + p[1] + "-" + p[2] + "-" + p[3];
    }
}
