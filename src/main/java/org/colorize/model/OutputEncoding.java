package org.colorize.model;

import org.colorize.EnumKeys;
import org.colorize.color.AbGamut;

/**
 * What a signature output holds (the last axis of an NHWC tensor): a colorizer's chroma, directly
 * or as a distribution over an ab bin set the card names ({@link SignatureOutput#bins()}), or what
 * a detector returns.
 */
public enum OutputEncoding {
    /** Two channels, a and b in CIE Lab units. */
    AB(Meaning.CHROMA),
    /** Two channels, a/110 and b/110 (InstColorization's and Zhang's regression scale). */
    AB_OVER_110(Meaning.CHROMA),
    /** Q unnormalized scores over the card's ab bins, decoded by annealed mean. */
    AB_BINS_LOGITS(Meaning.DISTRIBUTION),
    /** Q probabilities over the card's ab bins, decoded by annealed mean. */
    AB_BINS_PROBABILITIES(Meaning.DISTRIBUTION),
    /** Boxes, best first: x1, y1, x2, y2 in input pixels, score, class index (six channels). */
    DETECTIONS(Meaning.OTHER),
    /** One channel per class label: the score of an object centred at each pixel. */
    CLASS_HEATMAP(Meaning.OTHER),
    /** An intermediate feature map of the network (a tap for fusion). */
    FEATURES(Meaning.OTHER),
    /** [N, K] unnormalized weights of a Gaussian mixture over a latent code (a mixture density network). */
    MIXTURE_LOGITS(Meaning.OTHER),
    /** [N, K, D] the means of a Gaussian mixture's components over a latent code. */
    MIXTURE_MEANS(Meaning.OTHER);

    private enum Meaning { CHROMA, DISTRIBUTION, OTHER }

    private static final int AB_CHANNELS = 2;

    private final Meaning meaning;

    OutputEncoding(Meaning meaning) {
        this.meaning = meaning;
    }

    /**
     * Channel count: 2 for a and b, the number of bins for a distribution over {@code bins}.
     *
     * @throws IllegalArgumentException for a distribution without bins, or an output that is not chroma
     *                                  (its card's shape says its channels)
     */
    public int channels(AbGamut bins) {
        if (meaning == Meaning.OTHER) throw new IllegalArgumentException(key() + " is not chroma; its shape says its channels");
        if (meaning == Meaning.CHROMA) return AB_CHANNELS;
        if (bins == null) throw new IllegalArgumentException(key() + " needs an ab bin set");
        return bins.size();
    }

    /** Whether the output is a distribution over ab bins. */
    public boolean isDistribution() {
        return meaning == Meaning.DISTRIBUTION;
    }

    /** Whether the output is a colorizer's chroma (ab, or a distribution over ab bins). */
    public boolean isChroma() {
        return meaning != Meaning.OTHER;
    }

    public String key() {
        return EnumKeys.key(this);
    }

    public static OutputEncoding parse(String key) {
        return EnumKeys.parse(OutputEncoding.class, "output encoding", key);
    }
}
