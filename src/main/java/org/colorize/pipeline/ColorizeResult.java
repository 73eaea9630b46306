package org.colorize.pipeline;

import ij.ImagePlus;
import java.util.List;

/** A new color image (the source is untouched), what the user should know about it, and timings. */
public record ColorizeResult(ImagePlus image, List<String> warnings, StageTimes times) {
}
