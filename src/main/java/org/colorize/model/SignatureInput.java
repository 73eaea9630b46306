package org.colorize.model;

/**
 * A named input of a component's signature. A lightness input ({@link InputEncoding#isLightness()})
 * is a square NHWC plane of {@code size} pixels (a multiple of 8); another input (a detector's
 * RGB image) has {@code size} 0 unless the card states one, and its {@link TensorSpec#shape()}
 * says what it takes.
 */
public record SignatureInput(String name, InputEncoding encoding, int size, TensorSpec tensor) {

    /** An input with no tensor facts beyond its size (a colorizer's L plane). */
    public SignatureInput(String name, InputEncoding encoding, int size) {
        this(name, encoding, size, TensorSpec.UNSTATED);
    }
}
