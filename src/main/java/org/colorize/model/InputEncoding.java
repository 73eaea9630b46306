package org.colorize.model;

import org.colorize.EnumKeys;

/**
 * How a network expects CIE lightness L (0..100) on its single input channel; or, for the extra
 * inputs of a semantic model, {@link #FEATURES} (detector features, fed as computed).
 */
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
    },
    /** The sRGB gray level 0–255 of L, in each of three channels (the detector's RGB input). */
    RGB_0_255 {
        @Override
        public float encode(float lightness) {
            return (float) (255 * org.colorize.color.Lab.grayOfLightness(lightness));
        }
    },
    /** Feature maps of another network (the detector), fed as it computed them; not an L encoding. */
    FEATURES {
        @Override
        public float encode(float lightness) {
            throw new UnsupportedOperationException("features are not computed from L by an encoding");
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
