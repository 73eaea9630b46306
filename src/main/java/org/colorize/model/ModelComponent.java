package org.colorize.model;

/**
 * One network of a model (the full-image colorizer; later a detector, an instance network, a
 * fusion module, a generator …), named by its role in the card.
 */
public record ModelComponent(String role, Architecture architecture, ComponentSignature signature) {

    /** The first input: the L plane of a colorizer. */
    public SignatureInput input() {
        return signature.inputs().get(0);
    }

    /** The first output: the chroma of a colorizer. */
    public SignatureOutput output() {
        return signature.outputs().get(0);
    }
}
