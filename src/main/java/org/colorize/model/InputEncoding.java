package org.colorize.model;

import org.colorize.EnumKeys;

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
        return EnumKeys.key(this);
    }

    public static InputEncoding parse(String key) {
        return EnumKeys.parse(InputEncoding.class, "input encoding", key);
    }
}
