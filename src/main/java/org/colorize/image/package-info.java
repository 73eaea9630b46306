/**
 * Pixels in and out of the core, at full resolution.
 *
 * <pre>
 * SourceImage (ImgLib2 RAI + ImageMetadata)
 *   → GrayImage: checked; each plane a LightnessPlane reading its primitive array (ArrayImg,
 *     PlanarImg) or, for other images, a random access
 *   → NetworkInput: L area-resampled to the network size
 *   … network (model) …
 *   → AbUpsampler: ab at full size (bilinear or guided by L)
 *   → Recombiner: the ORIGINAL L + ab → sRGB rows → ColorSink → ColorOutput (ImgLib2)
 * </pre>
 * Row loops run on the {@link org.colorize.runtime.Workers} they are given and stop on its
 * cancel token. Nothing here knows ImageJ.
 */
package org.colorize.image;
