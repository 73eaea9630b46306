package org.colorize.model;

/**
 * A named input of a component's signature: a square NHWC image of {@code size} pixels whose
 * channels hold what {@code encoding} says (today the L plane; later hints, noise, boxes).
 */
public record SignatureInput(String name, InputEncoding encoding, int size) {
}
