package org.colorize;

/**
 * A problem the user can act on: bad input, a missing or broken model, an unwritable output.
 * The message is complete and meant to be shown as is (dialog, log, stderr).
 */
public class ColorizeException extends Exception {
    private static final long serialVersionUID = 1L;

    public ColorizeException(String message) {
        super(message);
    }

    public ColorizeException(String message, Throwable cause) {
        super(message, cause);
    }
}
