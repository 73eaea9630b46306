/**
 * Colorize: gray images in, color images out, with the image's own lightness kept.
 *
 * <p>The data path, and the package that owns each step:
 * <pre>
 *   file / ImagePlus ──(io, ij: front ends)──▶ ImgLib2 image + metadata
 *        ──(image)──▶ L planes ──(image)──▶ L at network size
 *        ──(model: ChromaPredictor over runtime's TensorFlow)──▶ ab at network size
 *        ──(image)──▶ ab upsampled, recombined with the ORIGINAL L ──▶ color image + provenance
 *        ──(pipeline: one Colorizer per model-card kind)──▶ front ends (ij, command, cli)
 * </pre>
 * Beside it: {@code color} (color science), {@code nn} (networks on TensorFlow's op API),
 * {@code train} (training recipes and export), {@code eval} (metrics), {@code files} (atomic
 * writes). This package holds what all of them share: the product's name and version, the two
 * exceptions whose messages are shown to users as they are, the enum-key and command-line
 * readers.
 */
package org.colorize;
