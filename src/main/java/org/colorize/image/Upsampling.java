package org.colorize.image;

import org.colorize.EnumKeys;

/** How the network-size ab field is brought to the full image size. */
public enum Upsampling {
    /** Bilinear interpolation between pixel centers, what every reference system does. */
    BILINEAR,
    /**
     * Fast guided filter (He and Sun 2015) with the full-resolution L as guide: ab is modelled
     * locally as a linear function of L at network size, and those coefficients are upsampled,
     * so chroma edges snap to lightness edges instead of bleeding across them.
     */
    GUIDED;

    public String key() {
        return EnumKeys.key(this);
    }

    public static Upsampling parse(String key) {
        return EnumKeys.parse(Upsampling.class, "upsample", key);
    }
}
