package org.colorize.model;

import java.nio.file.Path;

/** A model folder found by the registry, with its card. */
public record ModelEntry(String name, Path folder, ModelCard card) {
}
