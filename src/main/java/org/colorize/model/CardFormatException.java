package org.colorize.model;

/**
 * A model card that is well-formed JSON but not a valid card; the message names the key
 * ({@code components.full-image.signature.inputs.l.size}). The reader turns it into a
 * {@link org.colorize.ColorizeException} that names the file too.
 */
public final class CardFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    CardFormatException(String key, String problem) {
        super("key '" + key + "' " + problem);
        this.key = key;
    }

    /** The dotted path of the offending key. */
    public String key() {
        return key;
    }
}
