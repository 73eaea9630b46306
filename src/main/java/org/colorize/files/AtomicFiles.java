package org.colorize.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way the project puts a file or folder in place: written under a hidden temporary
 * sibling name, then moved there in one step, so no reader (and no later run) ever sees half a
 * file. Without {@code overwrite} an existing target is never replaced, not even one that appears
 * while writing.
 */
public final class AtomicFiles {
    /** The suffix of every temporary sibling; a leftover one is safe to delete. */
    public static final String PART = ".part";

    /** Writes the temporary file it is given (which does not exist yet). */
    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} through {@code writer}.
     *
     * @throws FileAlreadyExistsException if the target exists (or appears) and {@code overwrite} is false
     * @throws IOException                whatever writing or moving raised; the temporary file is then removed
     */
    public static void write(Path target, boolean overwrite, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (!overwrite && Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(absolute.toString(), null, "exists and is left as it is");
        }
        Path temp = temporarySibling(absolute);
        try {
            writer.write(temp);
            putInPlace(temp, absolute, overwrite);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes UTF-8 text atomically. */
    public static void writeString(Path target, String text, boolean overwrite) throws IOException {
        write(target, overwrite, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
    }

    /**
     * Moves a finished file into place. With {@code overwrite} a replacing atomic move (a plain
     * replacing move where the file system has none); without it a hard link, which fails if the
     * name exists, or where links are unsupported a move that does not replace.
     */
    public static void putInPlace(Path finished, Path target, boolean overwrite) throws IOException {
        if (overwrite) {
            try {
                Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return;
        }
        try {
            Files.createLink(target, finished);
            Files.delete(finished);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null, "appeared while writing; it is left as it is");
        } catch (UnsupportedOperationException | IOException linkFailed) {
            Files.move(finished, target); // no REPLACE_EXISTING: fails if the target exists
        }
    }

    /** A hidden, random name for a file that becomes {@code name} when complete: {@code .NAME.<hex>.part}. */
    public static String temporaryName(String name) {
        return "." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + PART;
    }

    /**
     * A fresh hidden name beside {@code target}, not yet created. Not Files.createTempFile: that
     * makes the file private (0600) and the rename would hand the user an output nobody else can
     * read; a file created by the writer gets the usual umask permissions.
     */
    public static Path temporarySibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        for (int attempt = 0; attempt < 100; attempt++) {
            Path candidate = dir.resolve(temporaryName(name));
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) return candidate;
        }
        throw new IOException("cannot find a free temporary name in " + dir);
    }

    /**
     * Moves a finished folder into place. Without {@code replace} an existing target fails the
     * move; with it the old folder is first moved aside to {@link #replacedSibling} and deleted
     * once the new one is in place, so the target name is only ever missing between two renames,
     * and a crash between them is repaired by the next call ({@link #restoreReplaced}).
     *
     * @throws FileAlreadyExistsException if the target exists and {@code replace} is false
     */
    public static void putFolderInPlace(Path finished, Path target, boolean replace) throws IOException {
        Path absolute = target.toAbsolutePath();
        restoreReplaced(absolute);
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(finished, absolute, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        if (!replace) throw new FileAlreadyExistsException(absolute.toString(), null, "exists and is left as it is");
        Path aside = replacedSibling(absolute);
        Files.move(absolute, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(finished, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.move(aside, absolute, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(aside);
    }

    /** Where {@link #putFolderInPlace} keeps the folder it replaces until the new one is in place. */
    public static Path replacedSibling(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".replaced" + PART);
    }

    /**
     * Repairs an interrupted replacement: a target that is missing while its replaced copy exists
     * gets the copy back; a replaced copy beside a target that is in place is deleted.
     */
    public static void restoreReplaced(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path aside = replacedSibling(absolute);
        if (!Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) return;
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(aside);
        } else {
            Files.move(aside, absolute, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Deletes a file or a folder with everything in it; links are removed, never followed. Missing
     * is fine. Read-only folders (as unpacked from some archives) are made writable first.
     */
    public static void deleteTree(Path root) throws IOException {
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            root.toFile().setWritable(true, true);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
                for (Path child : children) deleteTree(child);
            }
        }
        Files.deleteIfExists(root);
    }
}
