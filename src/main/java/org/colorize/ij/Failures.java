package org.colorize.ij;

import ij.IJ;
import ij.Macro;
import ij.macro.Interpreter;

/**
 * How a Colorize command reports a failure. From a macro the macro is stopped, so that nothing
 * after the command (a saveAs of what would be the gray source) runs: the message goes to the Log
 * (stdout with {@code -batch}) and, with ImageJ's window, to an error dialog, then the macro's
 * interpreter is aborted. ImageJ's Macro.abort alone stops only a macro whose thread is named
 * "…Macro$", not one run by {@code -batch} or from a macro file.
 */
final class Failures {
    private Failures() {
    }

    /** Reports {@code message} under {@code title}; stops the macro when one runs the command. */
    static void report(String title, String message, boolean macro) {
        if (macro || IJ.getInstance() == null) {
            IJ.log(title + " error: " + message);
            if (macro) abortMacro(title, message);
        } else {
            IJ.error(title, message);
        }
    }

    /** A cancel (Esc): said in the status bar; a running macro stops silently. */
    static void canceled(String title, boolean macro) {
        IJ.showStatus(title + ": canceled");
        if (macro) abortMacro(title, null);
    }

    /** An unexpected exception, named, reported as a failure; ImageJ's own macro abort passes through. */
    static void internal(String title, RuntimeException e, boolean macro) {
        if (e.getMessage() != null && e.getMessage().contains(Macro.MACRO_CANCELED)) throw e;
        report(title, "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), macro);
    }

    private static void abortMacro(String title, String message) {
        if (message != null && IJ.getInstance() != null) IJ.error(title, message);
        Interpreter interpreter = Interpreter.getInstance();
        if (interpreter != null) interpreter.abortMacro();
        Macro.abort();
    }
}
