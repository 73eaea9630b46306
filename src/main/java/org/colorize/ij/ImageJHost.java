package org.colorize.ij;

import ij.IJ;
import ij.Prefs;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ForkJoinPool;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ProgressListener;
import org.colorize.runtime.CancelToken;

/** What ImageJ gives the core: its models folder, its thread count, and Esc as the cancel key. */
public final class ImageJHost {
    private ImageJHost() {
    }

    /** {@code <ImageJ>/models}, or null when ImageJ has no home folder (a bare JVM). */
    public static Path modelsFolder() {
        try {
            String dir = IJ.getDirectory("imagej");
            return dir == null ? null : Paths.get(dir, "models");
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The process-wide registry with ImageJ's models folder among its roots. */
    public static ModelRegistry registry() {
        return ModelRegistry.shared(modelsFolder());
    }

    /**
     * Progress to ImageJ's status bar, cancel on Esc, at most as many threads as
     * Edit > Options > Memory &amp; Threads allows. Forgets an Esc pressed before now.
     */
    public static ColorizeContext context(ProgressListener progress) {
        IJ.resetEscape();
        int threads = Math.max(1, Math.min(Prefs.getThreads(), ForkJoinPool.commonPool().getParallelism() + 1));
        return new ColorizeContext(progress, CancelToken.polling(IJ::escapePressed), ForkJoinPool.commonPool(), threads);
    }
}
