package org.colorize.ij;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.MontageMaker;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import java.util.List;
import org.colorize.pipeline.Colorization;
import org.colorize.pipeline.DiverseResult;

/**
 * A diverse colorization as ImageJ images: the samples as one labelled RGB stack (each slice's
 * label is its method, seed and index; the Info holds the provenance and every slice's parameters),
 * the uncertainty map as a 32-bit image, and a montage of the samples.
 */
public final class DiverseImages {
    private DiverseImages() {}

    /** The N samples as an RGB stack titled {@code base_diverse}. */
    public static ImagePlus stack(DiverseResult r, String base) {
        ImageStack stack = new ImageStack(r.width(), r.height());
        StringBuilder slices = new StringBuilder();
        List<Colorization> samples = r.samples();
        for (int i = 0; i < samples.size(); i++) {
            Colorization c = samples.get(i);
            ImagePlus one = ImagePlusAdapter.toImagePlus(c);
            ImageProcessor rgb = one.getBitDepth() == 24 ? one.getProcessor() : one.flatten().getProcessor();
            String label = label(r, i);
            stack.addSlice(label, rgb);
            slices.append("Slice ").append(i + 1).append(": ").append(c.provenance().parameters()).append('\n');
        }
        ImagePlus imp = new ImagePlus(base + "_diverse", stack);
        Colorization first = samples.get(0);
        imp.setCalibration(ImagePlusAdapter.toImagePlus(first).getCalibration());
        imp.setProperty("Info", first.provenance().text() + "Samples: " + samples.size() + " (" + r.method() + ", seed "
                + r.seed() + "); each slice's label and parameters:\n" + slices);
        first.provenance().properties().forEach(imp::setProp);
        imp.setProp("Colorize-Diverse-Method", r.method());
        imp.setProp("Colorize-Diverse-Seed", Long.toString(r.seed()));
        return imp;
    }

    /** {@code gan seed=7 sample=3/8}: what slice i is. */
    public static String label(DiverseResult r, int i) {
        return r.method() + " seed=" + r.seed() + " sample=" + (i + 1) + "/" + r.samples().size();
    }

    /** The per-pixel spread of ab across the samples (Lab units) as a 32-bit image titled {@code base_uncertainty}. */
    public static ImagePlus uncertainty(DiverseResult r, String base) {
        FloatProcessor fp = new FloatProcessor(r.width(), r.height(), r.uncertainty().clone());
        fp.resetMinAndMax();
        ImagePlus imp = new ImagePlus(base + "_uncertainty", fp);
        imp.setProperty("Info", "Colorize uncertainty map: per pixel, the spread of the predicted chroma across "
                + r.samples().size() + " samples (" + r.method() + ", seed " + r.seed() + "): sqrt(mean over samples of"
                + " |ab - mean ab|^2), in CIE Lab units. High values: the colors there are a guess.\n"
                + r.samples().get(0).provenance().text());
        return imp;
    }

    /** The samples side by side with their labels, scaled so the montage is at most about 2400 pixels wide. */
    public static ImagePlus montage(ImagePlus stack) {
        int n = stack.getStackSize();
        int columns = (int) Math.ceil(Math.sqrt(n));
        int rows = (int) Math.ceil(n / (double) columns);
        double scale = Math.min(1, 2400.0 / (columns * stack.getWidth()));
        MontageMaker mm = new MontageMaker();
        mm.setFontSize(Math.max(12, (int) Math.round(stack.getWidth() * scale / 16)));
        ImagePlus m = mm.makeMontage2(stack, columns, rows, scale, 1, n, 1, 2, true);
        m.setTitle(stack.getTitle().replace("_diverse", "_montage"));
        Object info = stack.getProperty("Info");
        if (info != null) m.setProperty("Info", info);
        if (!(m.getProcessor() instanceof ColorProcessor)) m.setProcessor(m.getProcessor().convertToRGB());
        return m;
    }
}
