package org.colorize.pipeline;

/**
 * Where the time of one colorization went, in seconds: model loading, reading L and resampling it
 * to the network size, the network itself, and upsampling ab + recombining with the original L.
 */
public record StageTimes(double modelLoad, double prepare, double network, double recombine) {
    public double nonNetwork() {
        return prepare + recombine;
    }

    public double total() {
        return modelLoad + prepare + network + recombine;
    }
}
