package org.colorize.detect.tfjs;

/**
 * How TF.js stored a weight more compactly than its dtype: {@code float16} (bit pattern), or
 * {@code uint8}/{@code uint16} affine codes with {@code value = code * scale + min}.
 */
record Quantization(String dtype, double scale, double min) {
    Quantization {
        if (!dtype.equals("float16") && !dtype.equals("uint8") && !dtype.equals("uint16")) {
            throw new IllegalArgumentException("unsupported weight quantization '" + dtype
                    + "' (known: float16, uint8, uint16)");
        }
    }

    int bytesPerElement() {
        return dtype.equals("uint8") ? 1 : 2;
    }

    boolean isAffine() {
        return !dtype.equals("float16");
    }
}
