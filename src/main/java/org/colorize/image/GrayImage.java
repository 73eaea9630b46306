package org.colorize.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ImageProcessor;
import java.util.ArrayList;
import java.util.List;
import net.imglib2.img.array.ArrayImg;
import org.colorize.ColorizeException;

/**
 * A checked colorization input: an ImagePlus whose planes are read as CIE lightness. The source
 * image is only ever read. Problems that make colorization meaningless are errors that name the
 * problem; things the user should know (RGB input) are warnings.
 */
public final class GrayImage {
    /** Smallest side the network can see something in. */
    public static final int MIN_SIDE = 8;
    /** Beyond this aspect ratio the square network input distorts the scene past recognition. */
    public static final double MAX_ASPECT = 16;

    public enum Kind { GRAY8, GRAY16, GRAY32, RGB }

    private final ImagePlus imp;
    private final Kind kind;
    private final GrayMapping mapping;
    private final List<String> warnings;
    private final ValueRange range;
    private float[] floatTable;
    private float[] shortTable;

    private GrayImage(ImagePlus imp, Kind kind, GrayMapping mapping, List<String> warnings, ValueRange range) {
        this.imp = imp;
        this.range = range;
        this.kind = kind;
        this.mapping = mapping;
        this.warnings = warnings;
    }

    public static GrayImage of(ImagePlus imp) throws ColorizeException {
        if (imp == null) throw new ColorizeException("No image: open a grayscale image first.");
        String name = "'" + imp.getTitle() + "'";
        int w = imp.getWidth();
        int h = imp.getHeight();
        if (w < MIN_SIDE || h < MIN_SIDE) {
            throw new ColorizeException("Image " + name + " is " + w + "×" + h + " pixels; colorization needs at least "
                    + MIN_SIDE + "×" + MIN_SIDE + ".");
        }
        double aspect = Math.max(w, h) / (double) Math.min(w, h);
        if (aspect > MAX_ASPECT) {
            throw new ColorizeException("Image " + name + " is " + w + "×" + h + " (aspect ratio " + Math.round(aspect)
                    + ":1); the network sees a square and cannot colorize beyond " + (int) MAX_ASPECT
                    + ":1. Crop or split it into tiles first.");
        }
        if (imp.getNChannels() > 1) {
            throw new ColorizeException("Image " + name + " has " + imp.getNChannels() + " channels; colorization takes"
                    + " one gray channel. Split the channels (Image > Color > Split Channels) and colorize one.");
        }
        List<String> warnings = new ArrayList<>();
        Kind kind = switch (imp.getType()) {
            case ImagePlus.GRAY8, ImagePlus.COLOR_256 -> Kind.GRAY8;
            case ImagePlus.GRAY16 -> Kind.GRAY16;
            case ImagePlus.GRAY32 -> Kind.GRAY32;
            case ImagePlus.COLOR_RGB -> Kind.RGB;
            default -> throw new ColorizeException("Image " + name + " has an unsupported type.");
        };
        if (imp.getType() == ImagePlus.COLOR_256) {
            warnings.add("Image " + name + " is 8-bit with a color table; its index values are read as gray levels.");
        }
        if (kind == Kind.RGB) {
            warnings.add("Image " + name + " is RGB: its existing colors are discarded and its lightness L is colorized.");
        }
        boolean inverted = kind == Kind.GRAY8 && imp.isInvertedLut();
        if (inverted) warnings.add("Image " + name + " has an inverting LUT; it is colorized as displayed.");
        GrayMapping mapping = kind == Kind.GRAY8 ? new GrayMapping(0, 255, inverted) : null;
        ValueRange range = ValueRange.of(imp, kind);
        if (range.uniform()) {
            throw new ColorizeException("Image " + name + " is uniform (every pixel has the same "
                    + (kind == Kind.RGB ? "color" : "value, " + range.describeMin()) + "): there is nothing to colorize.");
        }
        if (kind == Kind.GRAY16 || kind == Kind.GRAY32) mapping = new GrayMapping(range.min(), range.max(), false);
        if (mapping == null) mapping = GrayMapping.EIGHT_BIT;
        return new GrayImage(imp, kind, mapping, warnings, range);
    }

    public ImagePlus source() {
        return imp;
    }

    public Kind kind() {
        return kind;
    }

    public GrayMapping mapping() {
        return mapping;
    }

    public List<String> warnings() {
        return warnings;
    }

    public int width() {
        return imp.getWidth();
    }

    public int height() {
        return imp.getHeight();
    }

    /** Whether plane {@code index} (1-based) holds a single value (a blank frame in a stack). */
    public boolean isUniform(int index) {
        return range.uniformPlanes()[index - 1];
    }

    public int planes() {
        return imp.getStackSize();
    }

    /** Plane {@code index} (1-based) as lightness; a virtual stack reads it from disk here, once. */
    public LightnessPlane plane(int index) {
        ImageStack stack = imp.getStack();
        ImageProcessor ip = stack.getProcessor(index);
        ArrayImg<?, ?> view = ImagePlusImgs.wrap(ip);
        Object pixels = ImagePlusImgs.storage(view);
        int w = ip.getWidth();
        int h = ip.getHeight();
        return switch (kind) {
            case GRAY8 -> new BytePlane((byte[]) pixels, w, h, mapping);
            case GRAY16 -> new ShortPlane((short[]) pixels, w, h, shortTable());
            case GRAY32 -> new FloatPlane((float[]) pixels, w, h, mapping, floatTable());
            case RGB -> new RgbPlane((int[]) pixels, w, h);
        };
    }

    private synchronized float[] shortTable() {
        if (shortTable == null) shortTable = LightnessTables.forIntegers(65536, mapping);
        return shortTable;
    }

    private synchronized float[] floatTable() {
        if (floatTable == null) floatTable = LightnessTables.overGray();
        return floatTable;
    }
}
