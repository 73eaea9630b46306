package org.colorize.image;

import java.util.ArrayList;
import java.util.List;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;
import org.colorize.ColorizeException;

/**
 * A checked colorization input: an ImgLib2 image (axes x, y and optionally planes) whose planes
 * are read as CIE lightness. The source is only ever read. Problems that make colorization
 * meaningless are errors that name the problem; things the user should know (RGB input) are
 * warnings.
 */
public final class GrayImage {
    /** Smallest side the network can see something in. */
    public static final int MIN_SIDE = 8;
    /** Beyond this aspect ratio the square network input distorts the scene past recognition. */
    public static final double MAX_ASPECT = 16;

    /**
     * How the pixels are read and what the result holds: 8-bit and RGB become 8-bit RGB; 16-bit
     * and everything else real-valued (GRAY32) three channels on the input's data range; RGB16
     * (three 16-bit sRGB channels, {@link ImageMetadata#rgbChannels()}) three 16-bit channels on
     * 0..65535.
     */
    public enum Kind { GRAY8, GRAY16, GRAY32, RGB, RGB16 }

    /** The mapping of 16-bit RGB: the full 16-bit range. */
    private static final GrayMapping SIXTEEN_BIT = new GrayMapping(0, 65535, false);

    private final RandomAccessibleInterval<?> pixels;
    private final ImageMetadata metadata;
    private final Kind kind;
    private final GrayMapping mapping;
    private final List<String> warnings;
    private final ValueRange range;
    private final int planes;
    private float[] byteTable;
    private float[] shortTable;
    private float[] floatTable;

    private GrayImage(RandomAccessibleInterval<?> pixels, ImageMetadata metadata, Kind kind, GrayMapping mapping,
            List<String> warnings, ValueRange range, int planes) {
        this.pixels = pixels;
        this.metadata = metadata;
        this.kind = kind;
        this.mapping = mapping;
        this.warnings = warnings;
        this.range = range;
        this.planes = planes;
    }

    public static GrayImage of(SourceImage source) throws ColorizeException {
        if (source == null || source.pixels() == null) throw new ColorizeException("No image: open a grayscale image first.");
        ImageMetadata meta = source.metadata() != null ? source.metadata() : ImageMetadata.of("", 1);
        RandomAccessibleInterval<?> pixels = zeroMin(source.pixels());
        String name = "'" + meta.title() + "'";
        int dims = pixels.numDimensions();
        if (dims < 2 || dims > 3) {
            throw new ColorizeException("Image " + name + " has " + dims + " dimensions; colorization takes x, y and"
                    + " optionally one axis of planes.");
        }
        long w = pixels.dimension(0);
        long h = pixels.dimension(1);
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
        if (w * h > Integer.MAX_VALUE) {
            throw new ColorizeException("Image " + name + " is " + w + "×" + h + " pixels; one plane may hold at most "
                    + Integer.MAX_VALUE + " pixels. Split it into tiles first.");
        }
        boolean rgb16 = meta.channels() == 3 && meta.rgbChannels();
        if (meta.channels() > 1 && !rgb16) {
            throw new ColorizeException("Image " + name + " has " + meta.channels() + " channels; colorization takes"
                    + " one gray channel (or RGB). Split the channels (Image > Color > Split Channels) and colorize one.");
        }
        Kind kind = rgb16 ? rgb16Kind(pixels, name) : kindOf(pixels.getType(), name);
        List<String> warnings = new ArrayList<>();
        if (kind == Kind.GRAY8 && meta.indexedColor()) {
            warnings.add("Image " + name + " is 8-bit with a color table; its index values are read as gray levels.");
        }
        if (kind == Kind.RGB && meta.indexedColor()) {
            warnings.add("Image " + name + " has a color table: the lightness of its displayed colors is colorized.");
        } else if (kind == Kind.RGB || kind == Kind.RGB16) {
            warnings.add("Image " + name + " is " + (kind == Kind.RGB16 ? "16-bit " : "") + "RGB: its existing colors are"
                    + " discarded and its lightness L is colorized.");
        }
        boolean inverted = kind == Kind.GRAY8 && meta.invertedLut();
        if (inverted) warnings.add("Image " + name + " has an inverting LUT; it is colorized as displayed.");
        int planes = dims == 3 ? (int) pixels.dimension(2) : 1;
        if (kind == Kind.RGB16) planes /= 3;
        if (meta.planes() != planes) meta = meta.withPlanes(planes);
        ValueRange range = ValueRange.of(pixels, kind, planes, meta.title());
        if (range.uniform()) {
            throw new ColorizeException("Image " + name + " is uniform (every pixel has the same "
                    + (kind == Kind.RGB || kind == Kind.RGB16 ? "color" : "value, " + range.describeMin()) + "): there is nothing to colorize.");
        }
        GrayMapping mapping = switch (kind) {
            case GRAY8 -> new GrayMapping(0, 255, inverted);
            case GRAY16, GRAY32 -> new GrayMapping(range.min(), range.max(), false);
            case RGB -> GrayMapping.EIGHT_BIT;
            case RGB16 -> SIXTEEN_BIT;
        };
        return new GrayImage(pixels, meta, kind, mapping, warnings, range, planes);
    }

    /** The image itself when it starts at the origin (so an ArrayImg stays one), else a translated view. */
    private static RandomAccessibleInterval<?> zeroMin(RandomAccessibleInterval<?> pixels) {
        for (int d = 0; d < pixels.numDimensions(); d++) {
            if (pixels.min(d) != 0) return Views.zeroMin(pixels);
        }
        return pixels;
    }

    private static Kind rgb16Kind(RandomAccessibleInterval<?> pixels, String name) throws ColorizeException {
        if (!(pixels.getType() instanceof UnsignedShortType) || pixels.numDimensions() != 3 || pixels.dimension(2) % 3 != 0) {
            throw new ColorizeException("Image " + name + " is marked as 16-bit RGB, but its pixels are not three 16-bit"
                    + " channels per plane.");
        }
        return Kind.RGB16;
    }

    private static Kind kindOf(Object type, String name) throws ColorizeException {
        if (type instanceof UnsignedByteType) return Kind.GRAY8;
        if (type instanceof UnsignedShortType) return Kind.GRAY16;
        if (type instanceof ARGBType) return Kind.RGB;
        if (type instanceof RealType<?>) return Kind.GRAY32;
        throw new ColorizeException("Image " + name + " has an unsupported pixel type"
                + (type == null ? "" : " (" + type.getClass().getSimpleName() + ")")
                + "; colorization reads real-valued gray pixels or ARGB.");
    }

    public ImageMetadata metadata() {
        return metadata;
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
        return (int) pixels.dimension(0);
    }

    public int height() {
        return (int) pixels.dimension(1);
    }

    /** Whether plane {@code index} (1-based) holds a single value (a blank frame in a stack). */
    public boolean isUniform(int index) {
        return range.uniformPlanes()[index - 1];
    }

    public int planes() {
        return planes;
    }

    /** Plane {@code index} (1-based) as lightness, read from its primitive array where it has one. */
    public LightnessPlane plane(int index) {
        int z = index - 1;
        int w = width();
        int h = height();
        if (kind == Kind.RGB16) {
            return new Rgb16Plane(channelArray(pixels, 3 * z), channelArray(pixels, 3 * z + 1), channelArray(pixels, 3 * z + 2), w, h);
        }
        PlaneArray plane = planeArray(pixels, kind, z);
        if (plane == null) return new IntervalPlane(planeView(pixels, z), kind, (row, width) -> reader(row, 0, width, 1));
        return reader(plane.array(), plane.offset(), w, h);
    }

    private LightnessPlane reader(Object array, int offset, int w, int h) {
        return switch (kind) {
            case GRAY8 -> new BytePlane((byte[]) array, offset, w, h, byteTable());
            case GRAY16 -> new ShortPlane((short[]) array, offset, w, h, shortTable());
            case GRAY32 -> new FloatPlane((float[]) array, offset, w, h, mapping, floatTable());
            case RGB -> new RgbPlane((int[]) array, offset, w, h);
            case RGB16 -> throw new IllegalStateException("16-bit RGB planes are read by channel");
        };
    }

    /** Channel plane {@code c} (0-based over all planes) of a 16-bit image: its own array, or a copy where it has none. */
    static PlaneArray channelArray(RandomAccessibleInterval<?> pixels, int c) {
        PlaneArray plane = planeArray(pixels, Kind.GRAY16, c);
        if (plane != null) return plane;
        RandomAccessibleInterval<?> view = planeView(pixels, c);
        short[] copy = new short[(int) (view.dimension(0) * view.dimension(1))];
        int i = 0;
        for (Object t : Views.flatIterable(view)) copy[i++] = (short) ((UnsignedShortType) t).get();
        return new PlaneArray(copy, 0);
    }

    /** The array of plane {@code z} when its element type is the one {@code kind} reads from arrays; else null. */
    static PlaneArray planeArray(RandomAccessibleInterval<?> pixels, Kind kind, int z) {
        Object type = pixels.getType();
        boolean exact = switch (kind) {
            case GRAY8 -> type instanceof UnsignedByteType;
            case GRAY16, RGB16 -> type instanceof UnsignedShortType;
            case GRAY32 -> type instanceof FloatType;
            case RGB -> type instanceof ARGBType;
        };
        if (!exact) return null;
        PlaneArray plane = PlaneArray.find(pixels, z);
        if (plane == null) return null;
        Class<?> expected = switch (kind) {
            case GRAY8 -> byte[].class;
            case GRAY16, RGB16 -> short[].class;
            case GRAY32 -> float[].class;
            case RGB -> int[].class;
        };
        return expected.isInstance(plane.array()) ? plane : null;
    }

    /** Plane {@code z} as a zero-min 2D interval. */
    static RandomAccessibleInterval<?> planeView(RandomAccessibleInterval<?> pixels, int z) {
        return pixels.numDimensions() == 2 ? pixels : Views.hyperSlice(pixels, 2, z);
    }

    private synchronized float[] byteTable() {
        if (byteTable == null) byteTable = LightnessTables.forIntegers(256, mapping);
        return byteTable;
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
