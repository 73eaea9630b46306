package org.colorize.pipeline;

import org.colorize.ColorizeException;
import org.colorize.image.SourceImage;

/**
 * Where a batch's images come from and where their colorizations go: files through ImageJ on the
 * command line, any Hadoop file system through ImageIO in the Spark job. Implementations are
 * called from several threads at once (reads of some inputs while others are written).
 *
 * @param <I> how an input is named (a path, a URI)
 */
public interface ImageStore<I> {
    /** The input as it appears in messages and tables. */
    String describe(I input);

    /** Decodes one input; a file that is no image is a {@link ColorizeException} naming the problem. */
    SourceImage read(I input) throws ColorizeException;

    /**
     * Encodes and puts one colorization in place, never half-written.
     *
     * @return where it went, as it appears in messages and tables
     */
    String write(I input, Colorization colorization) throws ColorizeException;
}
