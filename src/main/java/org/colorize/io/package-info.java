/**
 * Image files at the edge of the core: decoding (ImageIO, ImageJ's opener) into core rasters,
 * writing results atomically, listing image folders.
 *
 * <pre>
 * file / bytes ──ImageDecoder──▶ DecodedImage (RgbRaster + facts) ──▶ eval, train, train.corpus
 * ImagePlus ──ImagePlusDecoding──▶ DecodedImage            (open images, ImageJ-only formats)
 * RgbRaster, gray bytes ──RasterPng──▶ .png ; ImagePlus ──ImageFiles──▶ .png / .tif
 * </pre>
 *
 * This package may use ImageIO, {@code java.awt.image} and ImageJ; the core packages only see pixels.
 */
package org.colorize.io;
