package org.colorize.ij;

import ij.IJ;
import ij.plugin.PlugIn;
import org.colorize.Colorize;
import org.colorize.model.ModelEntry;

/** Plugins > Colorize > About Colorize: version, installed models, what the colors are. */
public class AboutColorize implements PlugIn {
    @Override
    public void run(String arg) {
        StringBuilder models = new StringBuilder();
        for (ModelEntry e : ImageJHost.registry().list()) models.append("  ").append(e.card().summary()).append('\n');
        if (models.length() == 0) models.append("  none installed (looked in ").append(ImageJHost.registry().roots()).append(")\n");
        IJ.showMessage("About " + Colorize.NAME, Colorize.NAME + " " + Colorize.VERSION + "\n \n"
                + "Colorizes grayscale images with neural networks: the network predicts the chroma (CIE Lab ab)\n"
                + "at a small size; it is upsampled and recombined with the image's own lightness at full\n"
                + "resolution, so detail and measured intensities are kept.\n \n"
                + "Colors are AI-inferred: plausible, not measured. Every output records its model and parameters\n"
                + "(Image > Show Info).\n \n"
                + "Models:\n" + models + " \n"
                + "Inference: " + org.colorize.runtime.TensorFlowRuntime.describe() + "\n \n"
                + "Methods: Zhang et al. 2016/2017 (colorful image colorization, SIGGRAPH17 network),\n"
                + "Su et al. 2020 (instance-aware colorization). Inference: DJL + TensorFlow.");
    }
}
