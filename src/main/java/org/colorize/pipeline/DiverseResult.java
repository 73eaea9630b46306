package org.colorize.pipeline;

import java.util.List;

/**
 * Samples of a diverse colorization and what they say together.
 *
 * @param samples      one new color image per sample, in order, each with its seed and provenance
 * @param uncertainty  the per-pixel spread of ab across the samples at full resolution, row-major
 *                     {@code width × height}, in Lab units: √(mean over samples of |ab − mean ab|²)
 * @param width        the image's width
 * @param height       the image's height
 * @param networkSize  side of the network grid the samples were drawn on
 * @param networkAb    each sample's ab at the network grid ({@code networkSize² × 2}, interleaved)
 * @param method       {@code gan} or {@code vae}
 * @param seed         the seed
 * @param codes        each sample's code as fed to the network
 * @param warnings     what the user should know
 * @param times        stage times (model load, prepare, network, recombine)
 */
public record DiverseResult(List<Colorization> samples, float[] uncertainty, int width, int height, int networkSize,
        List<float[]> networkAb, String method, long seed, List<float[]> codes, List<String> warnings, StageTimes times) {
    public DiverseResult {
        samples = List.copyOf(samples);
        networkAb = List.copyOf(networkAb);
        codes = List.copyOf(codes);
        warnings = List.copyOf(warnings);
    }

    /** The mean over sample pairs of the mean per-pixel Euclidean ab distance on the network grid (Lab units). */
    public double meanPairwiseDistance() {
        return DiverseStatistics.meanPairwiseDistance(networkAb);
    }
}
