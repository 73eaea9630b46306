package org.colorize.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction from a class path folder laid out like tensorflow-core-api's jar (small fake libraries). */
class NativesCacheTest {
    @TempDir
    Path dir;

    private URLClassLoader fakeClassPath(int size) throws Exception {
        Path classes = dir.resolve("classes-" + size);
        Path folder = classes.resolve(TensorFlowNatives.CORE_API_CPU.folder());
        Files.createDirectories(folder);
        for (String lib : TensorFlowNatives.LIBRARIES) Files.write(folder.resolve(lib), bytes(lib, size));
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    private static byte[] bytes(String lib, int size) {
        byte[] b = new byte[size + lib.length()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 31 + lib.length());
        return b;
    }

    @Test
    void findsTheBuildOnTheClassPath() throws Exception {
        try (URLClassLoader loader = fakeClassPath(100)) {
            assertEquals(List.of(TensorFlowNatives.CORE_API_CPU), TensorFlowNatives.onClassPath(loader));
        }
    }

    @Test
    void extractsOnceIntoAFolderNamedForTheBuild() throws Exception {
        Path root = dir.resolve("cache");
        try (URLClassLoader loader = fakeClassPath(1000)) {
            Path folder = NativesCache.folder(TensorFlowNatives.CORE_API_CPU, loader, root);
            assertEquals(root.resolve("2.10.1-cpu-tensorflow-core-api-0.5.0-linux-x86_64"), folder);
            for (String lib : TensorFlowNatives.LIBRARIES) assertArrayEquals(bytes(lib, 1000), Files.readAllBytes(folder.resolve(lib)));
            long modified = Files.getLastModifiedTime(folder.resolve("libtensorflow_cc.so.2")).toMillis();
            Thread.sleep(20);
            assertEquals(folder, NativesCache.folder(TensorFlowNatives.CORE_API_CPU, loader, root));
            assertEquals(modified, Files.getLastModifiedTime(folder.resolve("libtensorflow_cc.so.2")).toMillis(), "not extracted again");
        }
        assertEquals(List.of("2.10.1-cpu-tensorflow-core-api-0.5.0-linux-x86_64"), names(root), "no temporary folder left");
    }

    @Test
    void replacesACopyThatDoesNotMatchTheJar() throws Exception {
        Path root = dir.resolve("cache");
        try (URLClassLoader older = fakeClassPath(10); URLClassLoader newer = fakeClassPath(20)) {
            NativesCache.folder(TensorFlowNatives.CORE_API_CPU, older, root);
            Path folder = NativesCache.folder(TensorFlowNatives.CORE_API_CPU, newer, root);
            assertArrayEquals(bytes("libtensorflow_cc.so.2", 20), Files.readAllBytes(folder.resolve("libtensorflow_cc.so.2")));
        }
        assertEquals(1, names(root).size());
    }

    @Test
    void twoStartsAtOnceBothGetTheCompleteFolder() throws Exception {
        int starts = 4;
        // Many rounds: the losing rename is a narrow window (CI once hit it, a single round rarely does).
        try (URLClassLoader loader = fakeClassPath(300_000)) {
            ExecutorService pool = Executors.newFixedThreadPool(starts);
            try {
                for (int round = 0; round < 25; round++) {
                    Path root = dir.resolve("cache-" + round);
                    CyclicBarrier together = new CyclicBarrier(starts);
                    List<Future<Path>> results = new ArrayList<>();
                    for (int i = 0; i < starts; i++) {
                        Callable<Path> start = () -> {
                            together.await();
                            return NativesCache.folder(TensorFlowNatives.CORE_API_CPU, loader, root);
                        };
                        results.add(pool.submit(start));
                    }
                    for (Future<Path> r : results) {
                        assertTrue(NativesCache.complete(r.get(), TensorFlowNatives.CORE_API_CPU, loader));
                    }
                    assertEquals(List.of("2.10.1-cpu-tensorflow-core-api-0.5.0-linux-x86_64"), names(root), "no temporary folder left");
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    private static List<String> names(Path root) throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
