package org.colorize.nn;

import org.colorize.runtime.TensorFlowRuntime;
import org.colorize.ColorizeException;

/**
 * Loads TensorFlow's native libraries before any {@code org.tensorflow} class is used, through the
 * same DJL engine start as inference ({@link TensorFlowRuntime}: offline natives, the plugin's class
 * loader as context loader inside ImageJ). TF Java then finds the already loaded libraries.
 */
public final class TfNatives {
    private TfNatives() {}

    /** Loads the natives once per JVM; cheap on later calls. */
    public static void load() {
        try {
            TensorFlowRuntime.engine();
        } catch (ColorizeException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
