package org.colorize.color;

/**
 * BT.601 Y'CbCr in 8-bit studio range, as scikit-image's {@code rgb2ycbcr} and Poynton
 * ("Digital Video and HDTV", eq. for R'G'B' in [0, 1]): Y = 16 + 65.481 R + 128.553 G + 24.966 B,
 * Cb = 128 − 37.797 R − 74.203 G + 112 B, Cr = 128 + 112 R − 93.786 G − 18.214 B.
 * For R, G, B in [0, 1]: Y in [16, 235], Cb and Cr in [16, 240], 128 for grays. Values are real
 * numbers on the 8-bit scale (not rounded, not clamped).
 */
public final class YCbCr {

	/**
	 * Row-major R'G'B' → (Y, Cb, Cr) less the offsets: 219 × the BT.601 luma row and 224 × the Pb, Pr
	 * rows, rounded to 3 decimals as published.
	 */
	private static final double[] FORWARD = {
		65.481, 128.553, 24.966,
		-37.797, -74.203, 112.0,
		112.0, -93.786, -18.214 };
	private static final double[] INVERSE = Matrix3.inverse(FORWARD);
	private static final double Y_OFFSET = 16;
	private static final double C_OFFSET = 128;

	private YCbCr() {}

	/** Encoded sRGB (0..1) to {@code out = {Y, Cb, Cr}} on the 8-bit scale. */
	public static void fromSrgb(double r, double g, double b, double[] out) {
		double[] m = FORWARD;
		out[0] = Y_OFFSET + m[0] * r + m[1] * g + m[2] * b;
		out[1] = C_OFFSET + m[3] * r + m[4] * g + m[5] * b;
		out[2] = C_OFFSET + m[6] * r + m[7] * g + m[8] * b;
	}

	/** {@code Y, Cb, Cr} on the 8-bit scale to encoded sRGB {@code out = {r, g, b}}. */
	public static void toSrgb(double y, double cb, double cr, double[] out) {
		double[] m = INVERSE;
		double y0 = y - Y_OFFSET;
		double cb0 = cb - C_OFFSET;
		double cr0 = cr - C_OFFSET;
		out[0] = m[0] * y0 + m[1] * cb0 + m[2] * cr0;
		out[1] = m[3] * y0 + m[4] * cb0 + m[5] * cr0;
		out[2] = m[6] * y0 + m[7] * cb0 + m[8] * cr0;
	}
}
