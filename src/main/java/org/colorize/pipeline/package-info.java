/**
 * Colorization as a whole, and the seam every front end uses.
 *
 * <pre>
 * front end (ij, command, cli) ─ SourceImage, ColorizeOptions, ColorizeContext ─┐
 * Colorizers.forModel / forCard: card kind → ColorizerFactory → Colorizer       │
 *   FullImageColorizer ("full-image"): GrayImage → NetworkInput → ChromaPredictor
 *                                      → AbUpsampler + Recombiner → ColorOutput
 *   DiverseColorizer ("diverse-gan", "diverse-vae"): the same path for N samples at once, codes
 *                                      from (seed, i) → DiverseResult (samples, uncertainty map)
 * ← ColorizeResult: Colorization(s) (ImgLib2 image, ImageMetadata, seed, Provenance),
 *   warnings, StageTimes
 * </pre>
 * The context carries progress, the cancel token and the threads a host allows. Nothing here
 * knows ImageJ.
 */
package org.colorize.pipeline;
