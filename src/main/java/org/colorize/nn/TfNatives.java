package org.colorize.nn;

import ai.djl.engine.Engine;

/**
 * Loads TensorFlow's native libraries through DJL before any {@code org.tensorflow} class is used.
 *
 * <p>DJL's TensorFlow engine extracts the bundled CPU natives (the project's
 * {@code native/lib/tensorflow.properties} points it at them) and loads them; TF Java then finds the
 * already loaded libraries. {@code ai.djl.offline=true} keeps DJL from ever trying the network.
 */
public final class TfNatives {
    private static volatile boolean loaded;

    private TfNatives() {}

    /** Loads the natives once per JVM; cheap on later calls. */
    public static void load() {
        if (loaded) {
            return;
        }
        synchronized (TfNatives.class) {
            if (!loaded) {
                if (System.getProperty("ai.djl.offline") == null) {
                    System.setProperty("ai.djl.offline", "true");
                }
                Engine.getEngine("TensorFlow");
                loaded = true;
            }
        }
    }
}
