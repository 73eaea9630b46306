package org.colorize.model;

import java.util.Locale;

/** How a network expects CIE lightness L (0..100) on its single input channel. */
public enum InputEncoding {
    /** (L − 50) / 100, Zhang's and InstColorization's normalization. */
    L_CENTERED {
        @Override
        public float encode(float lightness) {
            return (lightness - 50f) / 100f;
        }
    },
    /** L / 100. */
    L_UNIT {
        @Override
        public float encode(float lightness) {
            return lightness / 100f;
        }
    },
    /** L as is. */
    L {
        @Override
        public float encode(float lightness) {
            return lightness;
        }
    };

    public abstract float encode(float lightness);

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InputEncoding parse(String key) {
        for (InputEncoding e : values()) {
            if (e.key().equalsIgnoreCase(key)) return e;
        }
        throw new IllegalArgumentException("unknown input encoding '" + key + "' (known: l_centered, l_unit, l)");
    }
}
