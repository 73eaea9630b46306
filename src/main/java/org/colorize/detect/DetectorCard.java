package org.colorize.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.colorize.model.ModelCard;
import org.colorize.model.ModelCards;
import org.colorize.model.ModelComponent;
import org.colorize.model.ModelKinds;
import org.colorize.model.OutputEncoding;
import org.colorize.model.SignatureInput;
import org.colorize.model.SignatureOutput;
import org.colorize.model.TensorSpec;
import org.colorize.model.WeightsSource;

/**
 * The {@code model.json} of a converted detector, as the detector uses it: a model card (schema
 * {@value ModelCards#SCHEMA}, read by {@link ModelCards}) of kind {@code detector} with one component of
 * role {@code detector}, its {@code source} a package with the SHA-256 of its files, its
 * {@code labels} the class names, every signature tensor with its shape, dtype, encoding, stride and
 * graph node. {@link DetectorCardWriter} writes it.
 */
public record DetectorCard(String name, String version, String architecture, String license, Source source,
                           List<String> labels, Tensor input, List<Tensor> outputs) {
    public static final String FILE_NAME = ModelCard.FILE_NAME;
    public static final int SCHEMA = ModelCards.SCHEMA;
    /** The card's kind and its component's role. */
    public static final String KIND = ModelKinds.DETECTOR;

    /** The package the weights were converted from, with the SHA-256 of each source file. */
    public record Source(String registry, String packageName, String packageVersion, Map<String, String> sha256,
                         String generatedBy, String convertedBy) {
        public Source {
            sha256 = new LinkedHashMap<>(sha256);
        }
    }

    /**
     * A signature tensor: name, shape, dtype, encoding ({@code rgb_0_255}, {@code detections},
     * {@code class_heatmap}, {@code features}), stride relative to the input (0 when not a map), and
     * the graph node it was exported from.
     */
    public record Tensor(String name, long[] shape, String dtype, String encoding, int stride, String node) {
        public Tensor {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tensor t && t.name.equals(name) && Arrays.equals(t.shape, shape) && t.dtype.equals(dtype)
                    && t.encoding.equals(encoding) && t.stride == stride && t.node.equals(node);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(shape);
        }
    }

    public DetectorCard {
        labels = List.copyOf(labels);
        outputs = List.copyOf(outputs);
    }

    public Tensor output(String name) throws ColorizeException {
        for (Tensor t : outputs) {
            if (t.name().equals(name)) return t;
        }
        throw new ColorizeException("detector card " + this.name + " has no output '" + name + "'");
    }

    /** The outputs with encoding {@code features}, finest stride first. */
    public List<Tensor> taps() {
        List<Tensor> taps = new ArrayList<>();
        for (Tensor t : outputs) {
            if (t.encoding().equals(OutputEncoding.FEATURES.key())) taps.add(t);
        }
        taps.sort((a, b) -> Integer.compare(a.stride(), b.stride()));
        return taps;
    }

    /** Reads {@code folder/model.json} through {@link ModelCards#read}; it must be a detector's card. */
    public static DetectorCard read(Path folder) throws ColorizeException {
        ModelCard card = ModelCards.read(folder);
        try {
            return from(card);
        } catch (IllegalArgumentException e) {
            throw new ColorizeException("Model card " + folder.resolve(FILE_NAME) + " is not a detector card: "
                    + e.getMessage() + ".", e);
        }
    }

    /** The detector's view of a card; an IllegalArgumentException saying what a detector card lacks. */
    static DetectorCard from(ModelCard card) {
        if (!KIND.equals(card.kind())) {
            throw new IllegalArgumentException("its kind is '" + card.kind() + "', not '" + KIND + "'"
                    + (card.isColorization() ? " (a colorization model's card?)" : ""));
        }
        ModelComponent detector = card.component(KIND)
                .orElseThrow(() -> new IllegalArgumentException("it has no component with role '" + KIND + "'"));
        List<SignatureInput> inputs = detector.signature().inputs();
        if (inputs.size() != 1) throw new IllegalArgumentException("the detector component must have one input");
        WeightsSource s = card.weightsSource().orElseThrow(() -> new IllegalArgumentException(
                "its source must name the package the weights came from (registry, package, version, sha256)"));
        if (card.labels().isEmpty()) throw new IllegalArgumentException("it names no labels");
        SignatureInput in = inputs.get(0);
        Tensor input = tensor(in.name(), in.encoding().key(), 0, in.tensor());
        List<Tensor> outputs = new ArrayList<>();
        for (SignatureOutput o : detector.signature().outputs()) {
            outputs.add(tensor(o.name(), o.encoding().key(), o.stride(), o.tensor()));
        }
        Source source = new Source(s.registry(), s.packageName(), s.version(), s.sha256(), text(s.generatedBy()),
                text(s.convertedBy()));
        return new DetectorCard(card.name(), card.version(), detector.architecture().name(), card.license(), source,
                card.labels(), input, outputs);
    }

    private static Tensor tensor(String name, String encoding, int stride, TensorSpec t) {
        if (t.shape().isEmpty() || t.dtype() == null) {
            throw new IllegalArgumentException("tensor '" + name + "' must state its shape and dtype");
        }
        return new Tensor(name, t.dims(), t.dtype(), encoding, stride, text(t.node()));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
