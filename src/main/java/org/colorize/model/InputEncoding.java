package org.colorize.model;

import org.colorize.EnumKeys;

/**
 * What a signature input holds: CIE lightness L (0..100) on one channel, in one of three
 * encodings a colorizer takes, an RGB image (a detector's input), {@link #FEATURES}
 * (detector features a semantic model takes as extra inputs, fed as computed), or user color hints
 * ({@link #HINT_AB}, {@link #HINT_MASK}, {@link #GLOBAL_HINT}).
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
    /** Three channels R, G, B of 0..255 (a detector's image; a gray image has R = G = B). */
    RGB_0_255,
    /**
     * A noise or latent code drawn by the caller (a diverse model's sample: standard normal numbers,
     * or a point of the latent space), fed as drawn.
     */
    NOISE,
    /** Local color hints' ab / 110 at the network size (2 channels, 0 where there is no hint). */
    HINT_AB,
    /** Where local color hints are: 1 at a hint, 0 elsewhere, at the network size (1 channel). */
    HINT_MASK,
    /** A global color hint per image ({@code [1, 1, 315]}: 313-bin ab histogram, saturation, flag). */
    GLOBAL_HINT,
    /** Feature maps of another network (the detector), fed as it computed them. */
    FEATURES,
    /** Another colorization model's predicted ab / 110 at the network size (2 channels): the prior a model refines. */
    PRIOR_AB;

    /**
     * The input value for a lightness; the lightness encodings override it.
     *
     * @throws UnsupportedOperationException for an encoding that is not a {@linkplain #isLightness() lightness} one
     */
    public float encode(float lightness) {
        throw new UnsupportedOperationException(key() + " is not a lightness encoding: it is not computed from L");
    }

    /** Whether the input is the one L channel a colorizer takes. */
    public boolean isLightness() {
        return this == L_CENTERED || this == L_UNIT || this == L;
    }

    /** Whether the input carries user color hints (zero means none). */
    public boolean isHint() {
        return this == HINT_AB || this == HINT_MASK || this == GLOBAL_HINT;
    }

    public String key() {
        return EnumKeys.key(this);
    }

    public static InputEncoding parse(String key) {
        return EnumKeys.parse(InputEncoding.class, "input encoding", key);
    }
}
