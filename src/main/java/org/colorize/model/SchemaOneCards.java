package org.colorize.model;

import java.util.Set;

/**
 * Schema 1, the flat card of before components (no {@code schema} key): one network with
 * top-level {@code architecture}, {@code width}, {@code parameters}, {@code input} and
 * {@code output}. Upgraded on reading into a card with one {@value ModelCard#FULL_IMAGE}
 * component; every other field is kept as it is. Errors name the schema-1 keys.
 */
final class SchemaOneCards {
    /** The keys that move into the component or the card's typed fields. */
    private static final Set<String> MOVED = Set.of("schema", "name", "version", "kind", "architecture", "width",
            "parameters", "input", "output", "license", "default");

    private SchemaOneCards() {
    }

    static ModelCardBuilder upgrade(CardFields root, String fallbackName) {
        String name = root.string("name", fallbackName);
        if (name == null) throw root.error("name", "is missing");
        CardFields input = root.object("input");
        CardFields output = root.object("output");
        String inputName = input.string("name", CardDefaults.INPUT_NAME);
        InputEncoding inputEncoding = input.parsed("encoding", InputEncoding::parse, CardDefaults.INPUT_ENCODING.key());
        int size = CardReader.inputSize(input);
        String outputName = output.string("name", CardDefaults.OUTPUT_NAME);
        OutputEncoding outputEncoding = output.parsed("encoding", OutputEncoding::parse, CardDefaults.OUTPUT_ENCODING.key());
        double temperature = CardReader.temperature(output);
        String architecture = root.string("architecture", CardDefaults.ARCHITECTURE);
        var width = root.number("width");
        var parameters = root.wholeNumber("parameters");
        ModelCardBuilder card = ModelCards.builder(name)
                .version(root.string("version", CardDefaults.VERSION))
                .kind(root.string("kind", CardDefaults.KIND))
                .license(root.string("license", CardDefaults.LICENSE))
                .isDefault(root.bool("default", false))
                .component(ModelCard.FULL_IMAGE, c -> {
                    c.architecture(architecture).input(inputName, inputEncoding, size)
                            .output(outputName, outputEncoding, CardDefaults.BINS, temperature);
                    width.ifPresent(c::width);
                    parameters.ifPresent(c::parameters);
                });
        for (String key : root.keys()) {
            if (!MOVED.contains(key) && root.has(key)) card.field(key, root.json().get(key));
        }
        return card;
    }
}
