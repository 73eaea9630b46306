package org.colorize.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.colorize.ColorizeException;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelEntry;
import org.colorize.model.ModelKinds;
import org.colorize.model.ModelRegistry;
import org.colorize.model.PredictorSource;

/**
 * The colorizer for a model, chosen by its card's {@code kind}. A kind without a colorizer is an
 * error naming the kinds there are, never a silent full-image run.
 */
public final class Colorizers {
    private static final List<ColorizerFactory> FACTORIES = List.of(
            ColorizerFactory.of(FullImageColorizer.KIND, FullImageColorizer::new),
            // an instance-aware model's boxes come from the installed detector unless a front end says otherwise
            ColorizerFactory.of(InstanceAwareColorizer.KIND, models -> new InstanceAwareColorizer(models,
                    DetectorBoxes.installed(models), org.colorize.detect.DetectorOptions.DEFAULT_MAX_BOXES)),
            ColorizerFactory.of(SemanticColorizer.KIND, SemanticColorizer::new),
            ColorizerFactory.of(DiverseColorizer.GAN_KIND, DiverseColorizer::new),
            ColorizerFactory.of(DiverseColorizer.VAE_KIND, DiverseColorizer::new));

    private Colorizers() {
    }

    /** The kinds there is a colorizer for. */
    public static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (ColorizerFactory f : FACTORIES) kinds.add(f.kind());
        return kinds;
    }

    /** The factory for a kind. */
    public static ColorizerFactory factory(String kind, String model) throws ColorizeException {
        for (ColorizerFactory f : FACTORIES) {
            if (f.kind().equals(kind)) return f;
        }
        if (!ModelKinds.isColorization(kind)) {
            throw new ColorizeException(ModelKinds.notColorization(model, kind) + "; colorization models are of kind "
                    + String.join(", ", kinds()) + ".");
        }
        throw unknownKind(kind, model);
    }

    /** The colorizer for a card, loading its networks from {@code models}. */
    public static Colorizer forCard(ModelCard card, PredictorSource models) throws ColorizeException {
        return factory(card.kind(), card.name()).create(models);
    }

    /** The colorizer for a model of the registry (blank: the default model); reads its card, loads nothing. */
    public static Colorizer forModel(ModelRegistry registry, String model) throws ColorizeException {
        ModelCard card = registry.card(model);
        if (!card.isColorization()) {
            List<String> served = new ArrayList<>();
            for (ModelEntry e : registry.list()) {
                if (kinds().contains(e.card().kind())) served.add(e.name());
            }
            throw new ColorizeException(ModelKinds.notColorization(card.name(), card.kind())
                    + "; colorization models here: " + (served.isEmpty() ? "none" : String.join(", ", served)) + ".");
        }
        return forCard(card, registry);
    }

    static ColorizeException unknownKind(String kind, String model) {
        return new ColorizeException("Model " + model + " is of kind '" + kind + "', and this version of Colorize has no"
                + " colorizer for it (known kinds: " + String.join(", ", kinds()) + "). Use a model of a known kind,"
                + " or a newer Colorize.");
    }
}
