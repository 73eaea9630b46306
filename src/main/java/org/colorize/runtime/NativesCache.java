package org.colorize.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.colorize.ColorizeException;
import org.colorize.files.AtomicFiles;

/**
 * TensorFlow's libraries, extracted once from their jar into a cache folder that DJL is then
 * pointed at. The folder appears complete or not at all: everything is written into a temporary
 * sibling that is renamed into place, so two processes starting at once both extract, one rename
 * wins and the other process uses the winner's folder.
 */
final class NativesCache {
    /** Overrides the cache root (tests use a fresh one). */
    static final String PROPERTY = "colorize.nativesCache";

    private NativesCache() {
    }

    /** DJL's own engine cache ({@code ~/.djl.ai/tensorflow}; honours DJL_CACHE_DIR and ENGINE_CACHE_DIR). */
    static Path root() {
        String own = System.getProperty(PROPERTY);
        if (own != null && !own.isBlank()) return Paths.get(own);
        return ai.djl.util.Utils.getEngineCacheDir("tensorflow");
    }

    /** The folder with the three libraries of {@code natives}, extracting them on first use. */
    static Path folder(TensorFlowNatives natives, ClassLoader loader, Path root) throws ColorizeException {
        Path target = root.resolve(natives.cacheName());
        try {
            if (complete(target, natives, loader)) return target;
            Files.createDirectories(root);
            moveAsideOutdated(target, natives, loader);
            Path temp = AtomicFiles.temporarySibling(target);
            try {
                Files.createDirectory(temp);
                for (String lib : TensorFlowNatives.LIBRARIES) {
                    try (InputStream in = open(loader, natives.resource(lib))) {
                        Files.copy(in, temp.resolve(lib));
                    }
                }
                try {
                    Files.move(temp, target);
                } catch (FileSystemException raced) {
                    // Another start renamed its folder into place first: the JDK checks for the target
                    // before rename(2), and a rename that loses the race fails with ENOTEMPTY, which it
                    // reports as a plain FileSystemException, not a DirectoryNotEmptyException.
                    if (!complete(target, natives, loader)) throw raced;
                }
            } finally {
                AtomicFiles.deleteTree(temp);
            }
            return target;
        } catch (IOException e) {
            throw new ColorizeException("Cannot extract TensorFlow's libraries (" + natives.artifact() + ") into "
                    + target + ": " + e.getMessage() + ". Free some disk space or set -D" + PROPERTY + "=FOLDER.", e);
        }
    }

    /**
     * A folder of the same name that does not match the jar (a damaged copy, or another jar of the
     * same version) is renamed away before it is deleted, so a process still using it keeps its
     * mapped files and no process ever sees a half-deleted folder. Checked again right before, as
     * another process may just have renamed a complete folder into place.
     */
    private static void moveAsideOutdated(Path target, TensorFlowNatives natives, ClassLoader loader) throws IOException {
        if (!Files.exists(target) || complete(target, natives, loader)) return;
        Path old = AtomicFiles.temporarySibling(target);
        try {
            Files.move(target, old);
        } catch (java.nio.file.NoSuchFileException gone) {
            return;
        }
        AtomicFiles.deleteTree(old);
    }

    /** Every library is there with the size it has in the jar. */
    static boolean complete(Path folder, TensorFlowNatives natives, ClassLoader loader) throws IOException {
        for (String lib : TensorFlowNatives.LIBRARIES) {
            Path file = folder.resolve(lib);
            if (!Files.isRegularFile(file) || Files.size(file) != sizeInJar(loader, natives.resource(lib))) return false;
        }
        return true;
    }

    private static long sizeInJar(ClassLoader loader, String resource) throws IOException {
        return url(loader, resource).openConnection().getContentLengthLong();
    }

    private static InputStream open(ClassLoader loader, String resource) throws IOException {
        URLConnection c = url(loader, resource).openConnection();
        c.setUseCaches(false); // else the JDK keeps the 0.5-1 GB jar open through its cache
        return c.getInputStream();
    }

    private static URL url(ClassLoader loader, String resource) throws IOException {
        URL url = loader.getResource(resource);
        if (url == null) throw new IOException(resource + " is not on the class path");
        return url;
    }
}
