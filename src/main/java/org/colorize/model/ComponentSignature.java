package org.colorize.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to call one component: the SavedModel folder (relative to the model folder; "." is the
 * model folder itself) and its named inputs and outputs, in the card's order.
 */
public record ComponentSignature(String savedModel, List<SignatureInput> inputs, List<SignatureOutput> outputs) {

    public ComponentSignature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The SavedModel folder of this component inside {@code modelFolder}. */
    public Path folder(Path modelFolder) {
        return modelFolder.resolve(savedModel).normalize();
    }

    public Optional<SignatureInput> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public Optional<SignatureOutput> output(String name) {
        return outputs.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
