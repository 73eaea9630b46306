package org.colorize.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The command line as a real child JVM on the packaged install tree
 * ({@code java -cp target/imagej/...}), its output read line by line as it comes, so a test can
 * kill it (SIGKILL) at a chosen point.
 */
final class ChildCli {
    /** A finished or killed run: exit code and every line it printed (stdout and stderr). */
    record Run(int exitCode, List<String> lines, boolean killed) {
        String text() {
            return String.join("\n", lines);
        }
    }

    private ChildCli() {
    }

    static Path installTree() {
        return Paths.get(System.getProperty("colorize.installTree", "target/imagej")).toAbsolutePath();
    }

    static List<String> command(List<String> prefix, String... args) {
        Path tree = installTree();
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("java", "-Djava.awt.headless=true", "-Dai.djl.offline=true",
                "-cp", tree.resolve("plugins") + "/*:" + tree.resolve("jars") + "/*:" + tree.resolve("ij.jar"),
                "org.colorize.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs to the end (at most 5 minutes). */
    static Run run(List<String> command) throws IOException, InterruptedException {
        return runUntil(command, line -> false);
    }

    /** Runs until a printed line passes {@code killWhen}, then kills the JVM with SIGKILL. */
    static Run runUntil(List<String> command, Predicate<String> killWhen) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("TF_CPP_MIN_LOG_LEVEL"); // as a user's shell has it
        Process p = pb.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        boolean killed = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                if (killWhen.test(line)) {
                    kill(p);
                    killed = true;
                    break;
                }
            }
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            kill(p);
            throw new IllegalStateException("the command line did not finish in 5 minutes:\n" + String.join("\n", lines));
        }
        return new Run(p.exitValue(), List.copyOf(lines), killed);
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    /** Whether a line is one of ours: progress ("[3/24] a.png: …") or "colorize: …". */
    static boolean ours(String line) {
        return line.startsWith("[") || line.startsWith("colorize: ");
    }
}
