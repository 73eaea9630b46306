package org.colorize;

/**
 * A training problem the user can act on (empty or unreadable data, a checkpoint that does not
 * match the options, an output that would replace another model, a diverging loss). The message is
 * complete and meant to be shown as is.
 */
public class TrainException extends Exception {
    private static final long serialVersionUID = 1L;

    public TrainException(String message) {
        super(message);
    }

    public TrainException(String message, Throwable cause) {
        super(message, cause);
    }
}
