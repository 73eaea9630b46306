package org.colorize.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.colorize.files.AtomicFiles;

/**
 * A temporary folder for a fixture shared by the tests of one JVM (tiny models trained once), removed
 * when the JVM exits: JUnit's {@code @TempDir} ends with its test class, and without this every test run
 * left its models in the system's temporary folder.
 */
public final class SharedTempRoot {
    private SharedTempRoot() {}

    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                AtomicFiles.deleteTree(dir);
            } catch (IOException e) {
                System.err.println("could not remove test folder " + dir + ": " + e);
            }
        }, "remove " + dir.getFileName()));
        return dir;
    }
}
