package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.colorize.io.BadInputs;
import org.colorize.model.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults that need a process of their own: a file the user may not read and a folder they may
 * not write, and a full disk (a 256 KB tmpfs in a private mount namespace). Root reads and writes
 * everything, so where the tests run as root the command line runs in a user namespace
 * ({@code unshare -r}) and the forbidden files belong to a user not mapped into it.
 */
class ChildFaultsIT {
    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs the command line without root's power over other users' files: directly, or in a user namespace. */
    private static List<String> unprivileged() {
        return root() ? List.of("unshare", "-r") : List.of();
    }

    /** Gives {@code path} to a user outside the namespace (as root), so its mode applies to the command line. */
    private static void foreign(Path path) throws Exception {
        if (!root()) return;
        Process p = new ProcessBuilder("chown", "12345:12345", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor());
    }

    @Test
    void permissionDeniedIsNamedForTheInputAndTheOutputFolder(@TempDir Path dir) throws Exception {
        assumeTrue(!root() || works("unshare", "-r", "true"), "running as root needs a user namespace (unshare -r)");
        Path work = Files.createDirectory(dir.resolve("work"));
        Path model = TinyModels.regression();
        Path secret = BadInputs.png(work.resolve("secret.png"), 64, 48);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        foreign(secret);
        Path open = BadInputs.png(work.resolve("open.png"), 64, 48);
        Path out = Files.createDirectory(work.resolve("out"));

        ChildCli.Run run = ChildCli.run(ChildCli.command(unprivileged(), secret.toString(), open.toString(), "-o", out.toString(),
                "--model", model.toString(), "--device", "cpu"));
        assertEquals(1, run.exitCode(), run.text());
        assertTrue(run.text().contains("secret.png: error: permission denied: you may not read this file"), run.text());
        assertTrue(Files.exists(out.resolve("open.png")), "the readable one is colorized:\n" + run.text());

        Path locked = Files.createDirectory(work.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        foreign(locked);
        run = ChildCli.run(ChildCli.command(unprivileged(), open.toString(), "-o", locked.toString(), "--model", model.toString()));
        assertEquals(1, run.exitCode(), run.text());
        assertTrue(run.text().contains("is not writable: permission denied"), run.text());
        run = ChildCli.run(ChildCli.command(unprivileged(), open.toString(), "-o", locked.resolve("sub").toString(), "--model",
                model.toString()));
        assertEquals(1, run.exitCode(), run.text());
        assertTrue(run.text().contains("Cannot create output folder") && run.text().contains("permission denied"), run.text());
    }

    @Test
    void aFullDiskIsNamedAndLeavesNoPartialFile(@TempDir Path dir) throws Exception {
        assumeTrue(works("unshare", "-rm", "true"), "a private mount namespace (unshare -rm) for a tiny tmpfs");
        Path in = Files.createDirectory(dir.resolve("in"));
        BadInputs.png(in.resolve("a-small.png"), 64, 48);
        for (int i = 0; i < 4; i++) BadInputs.png(in.resolve("big" + i + ".png"), 900, 700);
        Path out = Files.createDirectory(dir.resolve("out"));
        List<String> inner = ChildCli.command(List.of(), in.toString(), "-o", out.toString(), "--model",
                TinyModels.regression().toString(), "--device", "cpu");
        List<String> quoted = new ArrayList<>();
        for (String a : inner) quoted.add("'" + a + "'");
        List<String> command = List.of("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=256k tmpfs '" + out + "' || exit 99; " + String.join(" ", quoted)
                        + "; code=$?; ls -a '" + out + "'; exit $code");
        ChildCli.Run run = ChildCli.run(command);
        assertEquals(1, run.exitCode(), run.text());
        assertTrue(run.text().contains(": error: Cannot write ") && run.text().contains("the disk is full (no space left in"), run.text());
        assertTrue(!run.text().contains("I/O error writing PNG file"), run.text());
        assertTrue(run.lines().stream().noneMatch(l -> l.endsWith(".part")), "no temporary file left:\n" + run.text());
        assertTrue(run.lines().stream().anyMatch(l -> l.equals("a-small.png")), "the small image fit:\n" + run.text());
    }
}
