package org.colorize.model;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What network a component is: the architecture's name (e.g. {@code siggraph17-unet}) and, where
 * the architecture has them, its channel width multiplier and parameter count.
 */
public record Architecture(String name, OptionalDouble width, OptionalLong parameters) {
}
