package org.colorize.ij;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.plugin.PlugIn;
import org.colorize.ColorizeCanceledException;
import org.colorize.ColorizeException;

/**
 * A Colorize command on the current image: its options from the macro (recorded runs) or from a
 * dialog, then the work, which shows what it makes as new images. Esc cancels; a failure is
 * reported through {@link Failures} and stops a running macro.
 *
 * @param <O> the command's options
 */
abstract class CurrentImagePlugin<O> implements PlugIn {
    private final String title;

    CurrentImagePlugin(String title) {
        this.title = title;
    }

    /** The options of a macro's options string for {@code imp}; a bad value is an exception naming it. */
    abstract O optionsFromMacro(ImagePlus imp, String macro) throws ColorizeException;

    /** The options from a dialog for {@code imp}; null when it was canceled. */
    abstract O optionsFromDialog(ImagePlus imp) throws ColorizeException;

    /** Runs on {@code imp} (never modified) and shows the new images. */
    abstract void runOn(ImagePlus imp, O options) throws ColorizeException;

    @Override
    public final void run(String arg) {
        ImagePlus imp = WindowManager.getCurrentImage();
        if (imp == null) {
            IJ.noImage();
            return;
        }
        String macro = Macro.getOptions();
        O options;
        try {
            options = macro != null ? optionsFromMacro(imp, macro) : optionsFromDialog(imp);
        } catch (IllegalArgumentException | ColorizeException e) {
            Failures.report(title, e.getMessage(), macro != null);
            return;
        }
        if (options == null) return; // dialog canceled
        try {
            runOn(imp, options);
        } catch (ColorizeCanceledException e) {
            Failures.canceled(title, macro != null);
        } catch (ColorizeException e) {
            Failures.report(title, e.getMessage(), macro != null);
        } catch (RuntimeException e) {
            Failures.internal(title, e, macro != null);
        }
    }
}
