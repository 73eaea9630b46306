package org.colorize.pipeline;

import ij.ImagePlus;
import java.util.Locale;
import org.colorize.Colorize;
import org.colorize.model.ColorizationModel;
import org.colorize.model.ModelCard;

/** The record every output carries of how its colors came to be. */
public final class Provenance {
    public static final String AI_NOTICE = "AI-inferred color";

    private Provenance() {
    }

    /** Writes the provenance into the image's Info and properties. */
    public static void stamp(ImagePlus out, ImagePlus source, ColorizationModel model, ColorizeOptions options,
            double temperature, String pipeline) {
        ModelCard card = model.card();
        String parameters = options.withModel(card.name()).toMacroString()
                + (card.outputEncoding().isDistribution() ? String.format(Locale.ROOT, " (temperature used: %.3g)", temperature) : "");
        String text = AI_NOTICE + ": the colors of this image were predicted by a neural network from its gray values."
                + " They are a plausible guess, not a measurement.\n"
                + "Software: " + Colorize.NAME + " " + Colorize.VERSION + " (" + pipeline + ")\n"
                + "Model: " + card.name() + "\n"
                + "Model version: " + card.version() + "\n"
                + "Model card: " + model.folder().resolve(ModelCard.FILE_NAME) + "\n"
                + "Model summary: " + card.summary() + "\n"
                + "Device: " + model.device() + "\n"
                + "Natives: " + org.colorize.runtime.TensorFlowRuntime.describe(model.device()) + "\n"
                + "Parameters: " + parameters + "\n"
                + "Source: " + source.getTitle() + sourcePath(source) + "\n";
        out.setProperty("Info", text);
        out.setProp("Colorize-Notice", AI_NOTICE);
        out.setProp("Colorize-Model", card.name());
        out.setProp("Colorize-Model-Version", card.version());
        out.setProp("Colorize-Parameters", parameters);
        out.setProp("Colorize-Software", Colorize.NAME + " " + Colorize.VERSION);
    }

    private static String sourcePath(ImagePlus source) {
        var info = source.getOriginalFileInfo();
        if (info == null || info.directory == null || info.fileName == null) return "";
        return " (" + info.directory + info.fileName + ")";
    }

    /** The provenance text of an image, or null. */
    public static String of(ImagePlus imp) {
        Object info = imp.getProperty("Info");
        return info == null ? null : info.toString();
    }
}
