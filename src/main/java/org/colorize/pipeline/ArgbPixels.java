package org.colorize.pipeline;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;

/**
 * The packed pixels of a single-plane 8-bit color result (what files store as an RGB PNG), read
 * from the result's own array, not copied.
 */
public final class ArgbPixels {
    private ArgbPixels() {
    }

    /** The ARGB array of a 2-D ARGB colorization, or null for a stack or a channel result. */
    public static int[] of(Colorization colorization) {
        Img<?> img = colorization.image();
        if (img.numDimensions() != 2 || !(img instanceof ArrayImg<?, ?> array) || !(img.firstElement() instanceof ARGBType)) {
            return null;
        }
        return array.update(null) instanceof IntArray ints ? ints.getCurrentStorageArray() : null;
    }

    /** The {@code tEXt} entries of a result's PNG: its provenance (as ImageJ's Info) and the software. */
    public static java.util.Map<String, String> pngText(Colorization colorization) {
        java.util.Map<String, String> text = new java.util.LinkedHashMap<>();
        text.put("Description", colorization.provenance().text());
        text.put("Software", org.colorize.Colorize.NAME + " " + org.colorize.Colorize.VERSION);
        return text;
    }
}
