package org.colorize.train.corpus;

import java.io.IOException;
import java.nio.file.Path;

/** Gets Debian packages: their candidate version, the .deb, and its unpacked files. */
public interface PackageFetcher {

    /** Thrown with a message meant for the user (what failed and what to do). */
    final class FetchException extends IOException {
        public FetchException(String message) {
            super(message);
        }
    }

    /** Checks that the tools are there; throws with a message naming what is missing. */
    void checkTools() throws FetchException;

    /** The version apt would download, or null when apt knows no such package. */
    String candidateVersion(String pkg) throws FetchException;

    /**
     * The .deb of {@code pkg} in {@code cacheDir}: the cached one when its version matches
     * {@code version} (or when {@code version} is null, i.e. apt cannot say), else downloaded.
     */
    Path download(String pkg, String version, Path cacheDir) throws FetchException;

    /** The version recorded inside a .deb. */
    String debVersion(Path deb) throws FetchException;

    /** Unpacks the .deb's files into {@code dir} (like {@code dpkg -x}). */
    void extract(Path deb, Path dir) throws FetchException;
}
