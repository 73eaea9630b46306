package org.colorize.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Runs native start-up code with the process's standard error (file descriptor 2, where
 * TensorFlow's C++ logging writes) going to a file, then passes on every line but the dropped
 * ones. TensorFlow 2.10's CUDA build logs "Unable to register cuBLAS factory" as an error at every
 * start, GPU or not (its two libraries both register the factory); that line says nothing to a
 * user and would bury the one line that tells whether the GPU is used. Java's System.err is the
 * same descriptor, so its lines come through too, only a moment later.
 */
final class NativeStderr {
    private static final int STDERR = 2;
    private static final int O_WRONLY_CREAT_TRUNC = 01 | 0100 | 01000;

    /** libc's descriptor calls. */
    interface C extends Library {
        int open(String path, int flags, int mode);

        int dup(int fd);

        int dup2(int from, int to);

        int close(int fd);
    }

    /** What the filtered start runs. */
    @FunctionalInterface
    interface Start<T, E extends Exception> {
        T run() throws E;
    }

    private NativeStderr() {
    }

    static <T, E extends Exception> T filtered(Predicate<String> drop, Start<T, E> start) throws E {
        C c;
        Path log;
        int saved;
        try {
            c = Native.load("c", C.class);
            log = Files.createTempFile("colorize-tf-start", ".log");
            System.err.flush();
            int fd = c.open(log.toString(), O_WRONLY_CREAT_TRUNC, 0600);
            saved = c.dup(STDERR);
            if (fd < 0 || saved < 0 || c.dup2(fd, STDERR) < 0) {
                if (fd >= 0) c.close(fd);
                if (saved >= 0) c.close(saved);
                Files.deleteIfExists(log);
                return start.run();
            }
            c.close(fd);
        } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
            return start.run(); // no libc to talk to: start unfiltered
        }
        try {
            return start.run();
        } finally {
            System.err.flush();
            c.dup2(saved, STDERR);
            c.close(saved);
            passOn(log, drop);
        }
    }

    private static void passOn(Path log, Predicate<String> drop) {
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (!drop.test(line)) System.err.println(line);
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            System.err.println("Colorize: TensorFlow's start-up messages are in " + log);
        }
    }
}
