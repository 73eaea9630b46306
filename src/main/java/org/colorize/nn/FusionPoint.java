package org.colorize.nn;

/**
 * The 13 feature maps of the SIGGRAPH17 U-Net where InstColorization mixes instance features into
 * the full-image network (Su et al. 2020, "Instance-aware Image Colorization"), with their
 * downsampling factor and published channel count.
 */
public enum FusionPoint {
    CONV1_2(1, 64),
    CONV2_2(2, 128),
    CONV3_3(4, 256),
    CONV4_3(8, 512),
    CONV5_3(8, 512),
    CONV6_3(8, 512),
    CONV7_3(8, 512),
    CONV8_UP(4, 256),
    CONV8_3(4, 256),
    CONV9_UP(2, 128),
    CONV9_3(2, 128),
    CONV10_UP(1, 128),
    CONV10_2(1, 128);

    private final int stride;
    private final int channels;

    FusionPoint(int stride, int channels) {
        this.stride = stride;
        this.channels = channels;
    }

    /** The layer name, e.g. {@code conv8_up}. */
    public String layerName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Input size divided by this map's size: 1, 2, 4 or 8. */
    public int stride() {
        return stride;
    }

    /** Channel count at width 1.0. */
    public int publishedChannels() {
        return channels;
    }
}
