package org.colorize.image;

import java.util.Locale;

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
        return name().toLowerCase(Locale.ROOT);
    }

    public static Upsampling parse(String key) {
        for (Upsampling u : values()) {
            if (u.key().equalsIgnoreCase(key.trim())) return u;
        }
        throw new IllegalArgumentException("upsample must be bilinear or guided, was '" + key + "'");
    }
}
