package org.colorize.detect;

import java.io.IOException;
import java.nio.file.Path;
import org.colorize.model.InputEncoding;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.OutputEncoding;
import org.colorize.model.TensorSpec;
import org.colorize.model.WeightsSource;

/** Writes a {@link DetectorCard} as {@code model.json} through {@link ModelCards} (the one card writer). */
public final class DetectorCardWriter {
    private DetectorCardWriter() {
    }

    public static void write(DetectorCard card, Path folder) throws IOException {
        ModelCards.write(toCard(card), folder);
    }

    /**
     * The model card of a detector.
     *
     * @throws IllegalArgumentException if a tensor's encoding is not one the card schema knows
     */
    static ModelCard toCard(DetectorCard card) {
        DetectorCard.Source s = card.source();
        DetectorCard.Tensor in = card.input();
        return ModelCards.builder(card.name()).version(card.version()).kind(DetectorCard.KIND)
                .component(DetectorCard.KIND, c -> {
                    c.architecture(card.architecture())
                            .input(in.name(), InputEncoding.parse(in.encoding()), spec(in));
                    for (DetectorCard.Tensor t : card.outputs()) {
                        c.output(t.name(), OutputEncoding.parse(t.encoding()), t.stride(), spec(t));
                    }
                })
                .license(card.license())
                .source(new WeightsSource(s.registry(), s.packageName(), s.packageVersion(), s.sha256(),
                        blankToNull(s.generatedBy()), blankToNull(s.convertedBy())))
                .labels(card.labels())
                .build();
    }

    private static TensorSpec spec(DetectorCard.Tensor t) {
        return TensorSpec.of(t.shape(), t.dtype(), blankToNull(t.node()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
