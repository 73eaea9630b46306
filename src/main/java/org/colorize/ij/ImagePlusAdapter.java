package org.colorize.ij;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;
import ij.process.LUT;
import java.nio.file.Paths;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.planar.PlanarImg;
import org.colorize.image.ImageMetadata;
import org.colorize.io.DisplayedGray;
import org.colorize.io.ImageHeader;
import org.colorize.io.InputImages;
import org.colorize.image.PixelCalibration;
import org.colorize.image.SourceImage;
import org.colorize.pipeline.Colorization;

/**
 * The one place where ImageJ images meet the core: an ImagePlus becomes a {@link SourceImage}
 * (its planes wrapped, not copied, plus its metadata), and a {@link Colorization} becomes an
 * ImagePlus over the result's own arrays, with title, calibration, stack layout, channel LUTs
 * and provenance (Info and {@code Colorize-*} properties).
 */
public final class ImagePlusAdapter {
    private ImagePlusAdapter() {
    }

    /**
     * The core's view of an image; null for null. An 8-bit image whose lookup table is neither
     * the identity nor its inverse (a palette file, a 1-bit file, a gray palette out of order) is
     * read as displayed: through its gray table into new 8-bit planes, or through its color table
     * into RGB. A 48-bit RGB file's three 16-bit channels are one RGB image ({@link #isRgb48}).
     */
    public static SourceImage toSource(ImagePlus imp) {
        if (imp == null) return null;
        ImageMetadata meta = metadata(imp);
        if (imp.getBitDepth() == 8 && imp.getType() != ImagePlus.COLOR_RGB && imp.getNChannels() == 1) {
            DisplayedGray lut = DisplayedGray.of(imp.getProcessor());
            if (lut == DisplayedGray.GRAY || lut == DisplayedGray.COLOR) {
                return new SourceImage(ImagePlusImgs.wrap(displayed(imp, lut)), withLut(meta, lut == DisplayedGray.COLOR));
            }
        }
        return new SourceImage(ImagePlusImgs.wrap(imp), meta);
    }

    /** The image's planes as displayed: gray levels through a gray table, RGB through a color table. */
    private static ImagePlus displayed(ImagePlus imp, DisplayedGray lut) {
        ImageStack stack = imp.getStack();
        ImageStack shown = new ImageStack(imp.getWidth(), imp.getHeight());
        byte[] table = lut == DisplayedGray.GRAY ? DisplayedGray.grayTable(imp.getProcessor()) : null;
        for (int i = 1; i <= stack.getSize(); i++) {
            ImageProcessor ip = stack.getProcessor(i);
            if (table != null) {
                shown.addSlice(stack.getSliceLabel(i), new ByteProcessor(ip.getWidth(), ip.getHeight(),
                        DisplayedGray.map((byte[]) ip.getPixels(), table)));
            } else {
                ip.setLut(imp.getProcessor().getLut());
                shown.addSlice(stack.getSliceLabel(i), ip.convertToRGB());
            }
        }
        return new ImagePlus(imp.getTitle(), shown);
    }

    private static ImageMetadata withLut(ImageMetadata m, boolean color) {
        return new ImageMetadata(m.title(), m.calibration(), m.sliceLabels(), m.channels(), m.slices(), m.frames(),
                m.displayMin(), m.displayMax(), false, color, m.virtual(), m.hyperStack(), m.sourcePath());
    }

    /**
     * Whether a 16-bit three-channel image holds the red, green and blue of one RGB image: opened
     * from a 48-bit TIFF (ImageJ's {@code FileInfo.RGB48}) or a 16-bit RGB PNG (marked by
     * {@link InputImages}, or recognised from the header of the file it came from).
     */
    public static boolean isRgb48(ImagePlus imp) {
        if (imp.getBitDepth() != 16 || imp.getNChannels() != 3) return false;
        if ("true".equals(imp.getProp(InputImages.RGB48))) return true;
        FileInfo info = imp.getOriginalFileInfo();
        if (info == null) return false;
        if (info.fileType == FileInfo.RGB48) return true;
        String path = sourcePath(imp);
        return path != null && ImageHeader.isRgb16Png(Paths.get(path));
    }

    public static ImageMetadata metadata(ImagePlus imp) {
        Calibration c = imp.getCalibration();
        PixelCalibration calibration = new PixelCalibration(c.pixelWidth, c.pixelHeight, c.pixelDepth, c.getUnit(),
                c.frameInterval, c.getTimeUnit());
        ImageStack stack = imp.getStack();
        List<String> labels = new ArrayList<>();
        boolean any = false;
        for (int i = 1; i <= stack.getSize(); i++) {
            String label = stack.getSliceLabel(i);
            any |= label != null;
            labels.add(label);
        }
        return new ImageMetadata(imp.getTitle(), calibration, any ? labels : List.of(), imp.getNChannels(),
                imp.getNSlices(), imp.getNFrames(), imp.getDisplayRangeMin(), imp.getDisplayRangeMax(),
                imp.isInvertedLut(), imp.getType() == ImagePlus.COLOR_256, stack.isVirtual(), imp.isHyperStack(),
                sourcePath(imp), isRgb48(imp));
    }

    private static String sourcePath(ImagePlus imp) {
        FileInfo info = imp.getOriginalFileInfo();
        if (info == null || info.directory == null || info.fileName == null) return null;
        return info.directory + info.fileName;
    }

    /**
     * The ImagePlus of a colorization: 8-bit RGB for an ARGB result, a three-channel
     * CompositeImage (red, green, blue LUTs on the result's display range) for a channel result.
     */
    public static ImagePlus toImagePlus(Colorization colorization) {
        Img<?> img = colorization.image();
        ImageMetadata meta = colorization.metadata();
        int w = (int) img.dimension(0);
        int h = (int) img.dimension(1);
        List<Object> arrays = planeArrays(img);
        int channels = meta.channels();
        ImageStack stack = new ImageStack(w, h);
        for (int i = 0; i < arrays.size(); i++) {
            stack.addSlice(meta.sliceLabel(i / channels), ImagePlusImgs.processor(arrays.get(i), w, h));
        }
        ImagePlus out = new ImagePlus(meta.title(), stack);
        out.setCalibration(calibration(meta.calibration()));
        int planes = arrays.size() / channels;
        int slices = meta.planes() == planes ? meta.slices() : planes;
        int frames = meta.planes() == planes ? meta.frames() : 1;
        if (channels == 1) {
            out.setDimensions(1, slices, frames);
            if (planes > 1) out.setOpenAsHyperStack(meta.hyperStack());
            stamp(out, colorization);
            return out;
        }
        out.setDimensions(channels, slices, frames);
        CompositeImage composite = new CompositeImage(out, IJ.COMPOSITE);
        Color[] colors = {Color.RED, Color.GREEN, Color.BLUE};
        for (int c = 0; c < channels; c++) {
            LUT lut = LUT.createLutFromColor(colors[c % colors.length]);
            lut.min = meta.displayMin();
            lut.max = meta.displayMax();
            composite.setChannelLut(lut, c + 1);
        }
        composite.setCalibration(calibration(meta.calibration()));
        if (meta.rgbChannels()) composite.setProp(InputImages.RGB48, "true");
        stamp(composite, colorization);
        return composite;
    }

    /**
     * The colorization as 8-bit RGB planes, as ImageJ shows it: an RGB result as it is, a composite
     * one (16- or 32-bit channels) with each channel scaled by its display range.
     */
    public static ImagePlus toRgb(Colorization colorization) {
        ImagePlus imp = toImagePlus(colorization);
        if (!(imp instanceof CompositeImage composite)) return imp;
        ImageStack rgb = new ImageStack(imp.getWidth(), imp.getHeight());
        for (int t = 1; t <= imp.getNFrames(); t++) {
            for (int z = 1; z <= imp.getNSlices(); z++) {
                byte[][] channels = new byte[3][];
                for (int c = 0; c < channels.length; c++) {
                    int index = imp.getStackIndex(c + 1, z, t);
                    ImageProcessor ip = imp.getStack().getProcessor(index).duplicate();
                    LUT lut = composite.getChannelLut(c + 1);
                    ip.setMinAndMax(lut.min, lut.max);
                    channels[c] = (byte[]) ip.convertToByteProcessor(true).getPixels();
                }
                ColorProcessor cp = new ColorProcessor(imp.getWidth(), imp.getHeight());
                cp.setRGB(channels[0], channels[1], channels[2]);
                rgb.addSlice(imp.getStack().getSliceLabel(imp.getStackIndex(1, z, t)), cp);
            }
        }
        ImagePlus out = new ImagePlus(imp.getTitle(), rgb);
        out.setDimensions(1, imp.getNSlices(), imp.getNFrames());
        out.setOpenAsHyperStack(imp.getNSlices() > 1 && imp.getNFrames() > 1);
        out.setCalibration(imp.getCalibration());
        stamp(out, colorization);
        return out;
    }

    private static List<Object> planeArrays(Img<?> img) {
        List<Object> arrays = new ArrayList<>();
        if (img instanceof ArrayImg<?, ?> array && img.numDimensions() == 2) {
            arrays.add(ImagePlusImgs.storage(array));
        } else if (img instanceof PlanarImg<?, ?> planar) {
            for (int i = 0; i < planar.numSlices(); i++) arrays.add(planar.getPlane(i).getCurrentStorageArray());
        } else {
            throw new IllegalArgumentException("a colorization is an ArrayImg or a PlanarImg, not " + img.getClass().getSimpleName());
        }
        return arrays;
    }

    private static Calibration calibration(PixelCalibration p) {
        Calibration c = new Calibration();
        c.pixelWidth = p.pixelWidth();
        c.pixelHeight = p.pixelHeight();
        c.pixelDepth = p.pixelDepth();
        c.setUnit(p.unit());
        c.frameInterval = p.frameInterval();
        c.setTimeUnit(p.timeUnit());
        return c;
    }

    /** Writes the provenance into the image's Info and properties. */
    private static void stamp(ImagePlus out, Colorization colorization) {
        out.setProperty("Info", colorization.provenance().text());
        for (Map.Entry<String, String> p : colorization.provenance().properties().entrySet()) out.setProp(p.getKey(), p.getValue());
    }

    /** The provenance text of an image, or null. */
    public static String provenance(ImagePlus imp) {
        Object info = imp.getProperty("Info");
        return info == null ? null : info.toString();
    }
}
