/**
 * ImageJ 1 front ends and the ImageJ adapter: Plugins &gt; Colorize menu commands (dialog,
 * macro recording, Esc to stop), the headless {@code call(...)} entry, and the zero-copy
 * conversion between ImagePlus planes and the core's ImgLib2 images. The only package besides
 * the other front ends that may use {@code ij.*} and {@code java.awt}.
 */
package org.colorize.ij;
