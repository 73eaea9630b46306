package org.colorize.ij;

import ij.CompositeImage;
import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.measure.Calibration;
import ij.process.LUT;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.planar.PlanarImg;
import org.colorize.image.ImageMetadata;
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

    /** The core's view of an image; null for null. */
    public static SourceImage toSource(ImagePlus imp) {
        if (imp == null) return null;
        return new SourceImage(ImagePlusImgs.wrap(imp), metadata(imp));
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
                sourcePath(imp));
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
        stamp(composite, colorization);
        return composite;
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
