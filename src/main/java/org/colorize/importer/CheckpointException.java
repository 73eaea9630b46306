package org.colorize.importer;

import org.colorize.ColorizeException;

/**
 * A checkpoint that cannot be read: damaged, truncated, or not a PyTorch state dict. The message
 * names the file and the problem and is shown to the user as it is.
 */
public class CheckpointException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
