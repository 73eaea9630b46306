package org.colorize.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private Path folder(String name, String content) throws IOException {
        Path f = Files.createDirectories(dir.resolve(name));
        Files.writeString(f.resolve("file.txt"), content);
        return f;
    }

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void foldersArePutInPlaceAndReplacedOnlyWhenAsked() throws IOException {
        Path target = dir.resolve("model");
        AtomicFiles.putFolderInPlace(folder(".staged-1", "one"), target, false);
        assertEquals("one", Files.readString(target.resolve("file.txt")));
        Path second = folder(".staged-2", "two");
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.putFolderInPlace(second, target, false));
        assertEquals("one", Files.readString(target.resolve("file.txt")));
        AtomicFiles.putFolderInPlace(second, target, true);
        assertEquals("two", Files.readString(target.resolve("file.txt")));
        assertEquals(1, entries(), "no staged or replaced folder is left");
    }

    @Test
    void aReplacementCutBetweenItsTwoRenamesIsRepairedByTheNextOne() throws IOException {
        Path target = dir.resolve("model");
        // the state a crash leaves after the old folder was moved aside, before the new one arrived
        Files.move(folder("old", "one"), AtomicFiles.replacedSibling(target));
        AtomicFiles.restoreReplaced(target);
        assertEquals("one", Files.readString(target.resolve("file.txt")), "the old folder is back");
        // a crash after the new one arrived, before the old one was deleted
        Files.move(folder("old", "stale"), AtomicFiles.replacedSibling(target));
        AtomicFiles.putFolderInPlace(folder(".staged", "two"), target, true);
        assertEquals("two", Files.readString(target.resolve("file.txt")));
        assertEquals(1, entries(), "the stale copy is gone");
    }

    @Test
    void deleteTreeRemovesReadOnlyFolders() throws IOException {
        Path root = folder("unpacked", "x");
        Path inner = Files.createDirectories(root.resolve("inner"));
        Files.writeString(inner.resolve("y"), "y");
        inner.toFile().setWritable(false);
        AtomicFiles.deleteTree(root);
        assertFalse(Files.exists(root));
        AtomicFiles.deleteTree(root); // missing is fine
    }
}
