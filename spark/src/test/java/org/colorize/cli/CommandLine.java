package org.colorize.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.colorize.runtime.CancelToken;

/** The command line in this JVM (ImageJ on the test class path only), as the job's reference. */
public final class CommandLine {
    private CommandLine() {
    }

    /** Runs {@code colorize ARGS}; returns the exit code and appends stderr to {@code err}. */
    public static int run(StringBuilder err, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                CancelToken.NEVER);
        err.append(bytes.toString(StandardCharsets.UTF_8));
        return code;
    }
}
