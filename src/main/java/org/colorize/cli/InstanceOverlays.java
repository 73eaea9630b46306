package org.colorize.cli;

import ij.ImagePlus;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.detect.Box;
import org.colorize.ij.BoxOverlay;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.image.SourceImage;
import org.colorize.io.ImageFolder;
import org.colorize.pipeline.Colorization;
import org.colorize.pipeline.ColorizeContext;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.ColorizeResult;
import org.colorize.pipeline.Colorizer;
import org.colorize.pipeline.InstanceAwareColorizer;

/**
 * {@code --overlay}: OUTDIR/&lt;name&gt;{@value #SUFFIX}.tif beside each output, the color result as
 * RGB carrying an ImageJ Overlay of the boxes it used with "label score" ({@link BoxOverlay}), so
 * ImageJ can hide the boxes or flatten them. As a colorizer it runs the instance-aware one and
 * keeps each result's boxes: the batch writes a result while the next image is colorized, when the
 * colorizer's {@link InstanceAwareColorizer#lastBoxes()} are no longer that result's.
 */
final class InstanceOverlays implements Colorizer {
    static final String SUFFIX = "_instances";

    private final InstanceAwareColorizer colorizer;
    private final Map<Colorization, List<List<Box>>> boxes = Collections.synchronizedMap(new IdentityHashMap<>());

    InstanceOverlays(InstanceAwareColorizer colorizer) {
        this.colorizer = colorizer;
    }

    /** The overlay image of {@code input} in {@code dir}. */
    static Path target(Path dir, Path input) {
        return dir.resolve(ImageFolder.baseName(input) + SUFFIX + ".tif");
    }

    // Synchronized so that the boxes read after a colorization are that colorization's.
    @Override
    public synchronized ColorizeResult colorize(SourceImage image, ColorizeOptions options, ColorizeContext context)
            throws ColorizeException {
        ColorizeResult result = colorizer.colorize(image, options, context);
        boxes.put(result.first(), colorizer.lastBoxes());
        return result;
    }

    /** The boxes of each plane {@code colorization} used, forgotten here once taken. */
    List<List<Box>> take(Colorization colorization) {
        List<List<Box>> planes = boxes.remove(colorization);
        if (planes == null) throw new IllegalStateException("no boxes were kept for " + colorization.metadata().title());
        return planes;
    }

    /** The colorization as RGB with the overlay of {@code planes}, to be written as {@link #target}. */
    static ImagePlus image(Colorization colorization, List<List<Box>> planes) {
        ImagePlus rgb = ImagePlusAdapter.toRgb(colorization);
        rgb.setOverlay(BoxOverlay.ofPlanes(planes));
        return rgb;
    }
}
