/**
 * The training corpus, assembled offline from Debian packages:
 * {@code ./colorize corpus --out corpus [--max-side 1024] [--packages LIST]}.
 *
 * <p>{@link org.colorize.train.corpus.CorpusSources} lists the packages and which of their files
 * are photographs; {@link org.colorize.train.corpus.AptPackageFetcher} downloads and unpacks them;
 * {@link org.colorize.train.corpus.PackageScanner} walks the files, including WebP images inside
 * GCompris' Qt resource bundles ({@link org.colorize.train.corpus.RccReader}) and textures inside
 * zip archives, decoded by {@code org.colorize.io.ImageDecoder} into
 * {@link org.colorize.color.RgbRaster}s; {@link org.colorize.train.corpus.PhotoFilter} keeps color photographs and sorts
 * scenes from cut-outs; {@link org.colorize.train.corpus.AreaDownscaler} reduces them in linear light;
 * {@link org.colorize.train.corpus.EvaluationSet} keeps the public evaluation images out;
 * {@link org.colorize.train.corpus.Deduplicator} keeps one of each picture; and
 * {@link org.colorize.train.corpus.DebianCopyright} finds each file's license for the manifest.
 * {@link org.colorize.train.corpus.CorpusBuilder} runs the whole, writes PNGs through
 * {@code org.colorize.io.RasterPng}, and documents the folder layout.
 */
package org.colorize.train.corpus;
