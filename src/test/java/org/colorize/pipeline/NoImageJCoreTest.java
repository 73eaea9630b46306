package org.colorize.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * The core needs no ImageJ: {@link NoImageJRun} colorizes an ArrayImg in a class loader over
 * this project's classes and its dependency jars that refuses every {@code ij.} class.
 */
class NoImageJCoreTest {

    /** The test class path, with any request for an ImageJ class answered "not found" and recorded. */
    static final class WithoutImageJ extends URLClassLoader {
        final List<String> refused = new ArrayList<>();

        WithoutImageJ(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("ij.")) {
                synchronized (refused) {
                    refused.add(name);
                }
                throw new ClassNotFoundException(name + " (ImageJ is not on this class path)");
            }
            return super.loadClass(name, resolve);
        }
    }

    static URL[] testClassPath() throws MalformedURLException {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) urls.add(Paths.get(entry).toUri().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    @Test
    void anArrayImgIsColorizedWithNoImageJClassLoaded() throws Exception {
        try (WithoutImageJ loader = new WithoutImageJ(testClassPath())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("ij.ImagePlus", false, loader),
                    "the loader really has no ImageJ");
            loader.refused.clear();
            Class<?> run = Class.forName(NoImageJRun.class.getName(), true, loader);
            assertTrue(run.getClassLoader() == loader, "the core runs from the ImageJ-free loader");
            @SuppressWarnings("unchecked")
            Callable<int[]> colorize = (Callable<int[]>) run.getDeclaredConstructor().newInstance();
            int[] argb = colorize.call();
            assertEquals(List.of(), loader.refused, "no ImageJ class was asked for");
            assertEquals(120 * 80, argb.length);
            CoreColorizationTest.assertRuleColor(argb, 120, 10, 40, SyntheticImgs.LEFT);
            CoreColorizationTest.assertRuleColor(argb, 120, 110, 40, SyntheticImgs.RIGHT);
        }
    }
}
