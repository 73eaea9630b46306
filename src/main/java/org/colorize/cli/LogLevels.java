package org.colorize.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * What the libraries may print on the command line. By default only our own lines:
 * slf4j-simple at {@code warn} with DJL and TensorFlow Java at {@code error}
 * ({@code simplelogger.properties}), and TensorFlow's C++ logging at level 3 (its INFO lines
 * about oneDNN and SavedModel loading, and the CUDA build's "Unable to register cuBLAS factory"
 * error line, which it prints at every start). {@code --verbose} shows everything. Must run
 * before the first logger is made and before TensorFlow's natives are loaded.
 */
final class LogLevels {
    static final String VERBOSE = "--verbose";
    private static final String TF_LEVEL = "TF_CPP_MIN_LOG_LEVEL";

    /** libc's environment, which TensorFlow's C++ code reads (Java's System.getenv is a copy). */
    interface C extends Library {
        int setenv(String name, String value, int overwrite);
    }

    private LogLevels() {
    }

    static void apply(boolean verbose) {
        if (verbose) {
            for (String logger : new String[] {"ai.djl", "org.tensorflow", "ai.djl.util.cuda.CudaUtils"}) {
                System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
            }
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        try {
            // The launcher leaves a level the user set; here a user's level is kept too, unless --verbose.
            Native.load("c", C.class).setenv(TF_LEVEL, verbose ? "0" : "3", verbose ? 1 : 0);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // no libc to talk to: TensorFlow logs at its own default
        }
    }
}
