package org.colorize;

/** The user stopped the work (Esc in ImageJ, Ctrl-C on the command line); nothing was written. */
public class ColorizeCanceledException extends ColorizeException {
    private static final long serialVersionUID = 1L;

    public ColorizeCanceledException() {
        super("canceled");
    }
}
