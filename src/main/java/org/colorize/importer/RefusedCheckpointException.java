package org.colorize.importer;

/**
 * A checkpoint refused for safety: its pickle names a global outside the allow-list, applies a
 * callable that is not allowed, or exceeds a size or nesting limit. Nothing in it was run.
 */
public final class RefusedCheckpointException extends CheckpointException {
    private static final long serialVersionUID = 1L;

    public RefusedCheckpointException(String message) {
        super(message);
    }
}
