package org.colorize.color;

/**
 * The sRGB transfer curve (IEC 61966-2-1): encoded values in [0, 1] to linear light and back.
 *
 * <p>Values outside [0, 1] are not clamped: below the linear segment's threshold both directions
 * continue the straight line (so negative values stay negative), above it the power law.
 */
public final class SrgbTransfer {

	private static final double DECODE_THRESHOLD = 0.04045;
	private static final double ENCODE_THRESHOLD = 0.0031308;

	private static final double[] BYTE_TO_LINEAR = new double[256];
	/**
	 * {@code CODE_STARTS[k]}: the smallest linear value that encodes to 8-bit code {@code k + 1}
	 * ({@code +∞} for k = 255).
	 */
	private static final double[] CODE_STARTS = new double[256];
	/**
	 * The code of linear value {@code i / CODE_BINS}. Bins are narrower than the narrowest code
	 * (1 / (255 · 12.92), at black), so a bin holds at most one code start.
	 */
	private static final int CODE_BINS = 4096;
	private static final byte[] CODE_AT_BIN = new byte[CODE_BINS];

	static {
		for (int k = 0; k < 256; k++) {
			BYTE_TO_LINEAR[k] = decode(k / 255.0);
		}
		for (int k = 0; k < 255; k++) {
			CODE_STARTS[k] = decode((k + 0.5) / 255);
		}
		CODE_STARTS[255] = Double.POSITIVE_INFINITY;
		int code = 0;
		for (int i = 0; i < CODE_BINS; i++) {
			while (CODE_STARTS[code] <= (double) i / CODE_BINS) {
				code++;
			}
			CODE_AT_BIN[i] = (byte) code;
		}
	}

	private SrgbTransfer() {}

	/** Encoded sRGB value (nominally 0..1) to linear light. */
	public static double decode(double v) {
		return v <= DECODE_THRESHOLD ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
	}

	/** Linear light (nominally 0..1) to the encoded sRGB value. */
	public static double encode(double linear) {
		return linear <= ENCODE_THRESHOLD ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
	}

	/** Linear light of the 8-bit code {@code code} (0..255), from a table. */
	public static double decodeByte(int code) {
		return BYTE_TO_LINEAR[code];
	}

	/**
	 * Linear light to the nearest 8-bit code, clamped to 0..255; equals
	 * {@code round(255 · clamp(encode(linear), 0, 1))} but uses two table look-ups instead of a
	 * power. NaN gives 0.
	 */
	public static int encodeToByte(double linear) {
		if (!(linear > 0)) {
			return 0;
		}
		if (linear >= 1) {
			return 255;
		}
		int code = CODE_AT_BIN[(int) (linear * CODE_BINS)] & 0xff;
		return linear >= CODE_STARTS[code] ? code + 1 : code;
	}
}
