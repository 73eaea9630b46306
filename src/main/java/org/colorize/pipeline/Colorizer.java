package org.colorize.pipeline;

import org.colorize.ColorizeException;
import org.colorize.image.SourceImage;

/**
 * Colorizes one image the way one kind of model works (full-image now; instance-aware, diverse
 * and hinted ones later). Get one for a model through {@link Colorizers}.
 */
public interface Colorizer {
    /**
     * @return one colorization or several (samples), warnings and stage times; the source is never modified
     * @throws org.colorize.ColorizeCanceledException when the context's token was canceled
     */
    ColorizeResult colorize(SourceImage image, ColorizeOptions options, ColorizeContext context) throws ColorizeException;
}
