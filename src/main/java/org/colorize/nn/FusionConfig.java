package org.colorize.nn;

import java.util.Locale;

/**
 * The variable parts of {@link InstanceFusion}: how wide its weight-map nets are, what an
 * instance's weight logit is outside its own box, and which instance features the three upsampling
 * points see. The module is written once; this project's own training uses {@link #COLORIZE}, an
 * imported InstColorization checkpoint ({@code latest_net_GF.pth}) {@link #instColorization(int)}.
 *
 * @param weightChannels channels of the hidden 3×3 convs of each weight-map net
 *     (InstColorization's {@code inner_ch}, 16 in the published nets)
 * @param hiddenConvs hidden 3×3 convs of each weight-map net: {@value #PUBLISHED_HIDDEN_CONVS} in
 *     InstColorization (C→w→w→1, each followed by ReLU); 0 makes the map one 3×3 conv C→1 with a
 *     signed output ({@link #LEAN})
 * @param outsideBox the instance logit outside the instance's box
 * @param rectifiedInstanceUp whether the instance features at {@link FusionPoint#CONV8_UP},
 *     {@link FusionPoint#CONV9_UP} and {@link FusionPoint#CONV10_UP} are taken after the ReLU that
 *     follows them. In InstColorization they are: its decoder blocks start with an in-place
 *     {@code nn.ReLU(True)}, which overwrites the tensor the instance generator then returns as the
 *     feature map; the full image's features there (and the background weight net's input) are
 *     taken before it.
 * @param boxSizeTerm whether each instance's logit gets a learned multiple of its box's area fraction
 *     (one scalar per fusion point, {@link InstanceFusion#BOX_SIZE}); not in InstColorization, whose
 *     weight nets see every crop at the same size and so cannot weigh a large box differently from a
 *     small one
 */
public record FusionConfig(int weightChannels, int hiddenConvs, OutsideBox outsideBox, boolean rectifiedInstanceUp,
        boolean boxSizeTerm) {
    /** InstColorization's weight-map nets: two hidden convs before the one that makes the map. */
    public static final int PUBLISHED_HIDDEN_CONVS = 2;

    /** An instance's weight logit outside its own box. */
    public enum OutsideBox {
        /**
         * −{@link InstanceFusion#OUTSIDE_BOXES}: the instance gets weight exactly 0 there (this
         * project's choice: another box's features, zero outside that box, never dilute this one).
         */
        EXCLUDED,
        /**
         * 0, as InstColorization's resize-and-zero-pad of the predicted map gives it: inside box A but
         * outside box B, instance B still takes a share exp(0)/Σ of the softmax, with zero features.
         */
        ZERO_LOGIT;

        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What this project trains and its trained models were exported with. */
    public static final FusionConfig COLORIZE = new FusionConfig(InstanceFusion.WEIGHT_NET_CHANNELS, OutsideBox.EXCLUDED, false);

    /**
     * {@link #COLORIZE} with one-conv weight maps: 26 convolutions in the fusion instead of 78. On a
     * CPU at 64² the fused graph's time follows its number of small convolutions more than their
     * arithmetic, so fewer convolutions make an instance cheaper (measured and not shipped: README,
     * Instance-aware colorization).
     */
    public static final FusionConfig LEAN = COLORIZE.withHiddenConvs(0);

    public FusionConfig {
        if (weightChannels < 1 || hiddenConvs < 0 || outsideBox == null) {
            throw new IllegalArgumentException("invalid fusion config: weight channels " + weightChannels + ", hidden convs "
                    + hiddenConvs + ", outside box " + outsideBox);
        }
        if (boxSizeTerm && outsideBox != OutsideBox.EXCLUDED) {
            // a zero-padded logit plus the term would give the instance weight outside its own box
            throw new IllegalArgumentException("the box-size term needs instances excluded outside their boxes");
        }
    }

    /** Without the box-size term. */
    public FusionConfig(int weightChannels, int hiddenConvs, OutsideBox outsideBox, boolean rectifiedInstanceUp) {
        this(weightChannels, hiddenConvs, outsideBox, rectifiedInstanceUp, false);
    }

    /** Weight-map nets as InstColorization's ({@value #PUBLISHED_HIDDEN_CONVS} hidden convs of {@code weightChannels}). */
    public FusionConfig(int weightChannels, OutsideBox outsideBox, boolean rectifiedInstanceUp) {
        this(weightChannels, PUBLISHED_HIDDEN_CONVS, outsideBox, rectifiedInstanceUp);
    }

    /** This config with {@code convs} hidden convs in each weight-map net. */
    public FusionConfig withHiddenConvs(int convs) {
        return new FusionConfig(weightChannels, convs, outsideBox, rectifiedInstanceUp, boxSizeTerm);
    }

    /** This config with or without {@link #boxSizeTerm()}. */
    public FusionConfig withBoxSizeTerm(boolean term) {
        return new FusionConfig(weightChannels, hiddenConvs, outsideBox, rectifiedInstanceUp, term);
    }

    /** How the weight maps are made, as the card and the training log say it. */
    public String weightNetsDescription() {
        return maps() + (boxSizeTerm ? "; plus a learned multiple of the box's area fraction per fusion point" : "");
    }

    private String maps() {
        return hiddenConvs == 0 ? "lean: one 3×3 conv C→1, no ReLU"
                : String.format(Locale.ROOT, "%s: %d hidden 3×3 conv(s) of %d channels before the 3×3 conv to 1, ReLU after each",
                        hiddenConvs == PUBLISHED_HIDDEN_CONVS ? "published" : "shallower than published", hiddenConvs, weightChannels);
    }

    /** InstColorization's published fusion with weight nets of {@code weightChannels} (16 published). */
    public static FusionConfig instColorization(int weightChannels) {
        return new FusionConfig(weightChannels, OutsideBox.ZERO_LOGIT, true);
    }
}
