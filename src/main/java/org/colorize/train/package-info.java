/**
 * Training colorization networks from color images, in Java, on the TensorFlow natives Colorize
 * serves with.
 *
 * <p>The stages, in data order:
 * <ol>
 *   <li>{@link org.colorize.train.TrainingData}: scan a folder (and the corpus manifest for licenses),
 *       decode every image once ({@code org.colorize.io.ImageDecoder}) into memory at 2× the crop size
 *       ({@link org.colorize.train.RgbImage}, area-reduced in encoded sRGB like the crops),
 *       skip gray and unreadable files, split train/validation by path hash.</li>
 *   <li>{@link org.colorize.train.BatchMaker}: batch k is a pure function of (seed, k): random crops
 *       of 0.5–1.0 of the short side, flips, area resampling, Lab encoding, soft targets with class
 *       rebalancing for the classes head; {@link org.colorize.train.Prefetcher} makes them ahead on
 *       a background thread.</li>
 *   <li>{@link org.colorize.train.TrainingGraph}: the SIGGRAPH17 U-Net of {@code org.colorize.nn} in
 *       training mode, its loss, Adam and an inference branch, in one session with explicit threads.</li>
 *   <li>{@link org.colorize.train.Trainer}: the loop, validation ({@link org.colorize.train.Validation}:
 *       loss, PSNR and the gray baseline), atomic checkpoints ({@link org.colorize.train.Checkpoints}),
 *       resume, stop on cancel / time limit / signal.</li>
 *   <li>{@link org.colorize.train.ModelExporter}: a clean inference SavedModel and its card, checked
 *       through the runtime against the training graph, installed atomically.</li>
 * </ol>
 * Multi-stage and alternating training: {@link org.colorize.train.StageRunner} runs
 * {@link org.colorize.train.StageRecipe}s on one set of weights, one Adam per objective and scope
 * (InstColorization's three stages; the diverse GAN's critic and generator, the VAE and its MDN:
 * {@link org.colorize.train.DiverseTraining}), resumable from checkpoints.
 * Front ends: {@code colorize train} ({@code org.colorize.cli}) and Plugins › Colorize › Train
 * Colorizer ({@code org.colorize.ij.TrainPlugin}); {@code colorize bench train} measures the speed.
 */
package org.colorize.train;
