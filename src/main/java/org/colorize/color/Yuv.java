package org.colorize.color;

/**
 * Analog YUV of BT.601 on encoded sRGB, as scikit-image's {@code rgb2yuv}:
 * Y = 0.299 R + 0.587 G + 0.114 B, U = 0.492111 (B − Y), V = 0.877283 (R − Y).
 * For R, G, B in [0, 1]: Y in [0, 1], U in ±0.436, V in ±0.615. Not clamped either way.
 */
public final class Yuv {

	static final double KR = 0.299;
	static final double KB = 0.114;
	static final double KG = 1 - KR - KB;
	/** The classic scales of B − Y and R − Y (those of scikit-image), giving |U| ≤ 0.436, |V| ≤ 0.615. */
	static final double U_SCALE = 0.492111;
	static final double V_SCALE = 0.877283;

	private Yuv() {}

	/** Encoded sRGB to {@code out = {Y, U, V}}. */
	public static void fromSrgb(double r, double g, double b, double[] out) {
		double y = KR * r + KG * g + KB * b;
		out[0] = y;
		out[1] = U_SCALE * (b - y);
		out[2] = V_SCALE * (r - y);
	}

	/** {@code Y, U, V} to encoded sRGB {@code out = {r, g, b}}. */
	public static void toSrgb(double y, double u, double v, double[] out) {
		double r = y + v / V_SCALE;
		double b = y + u / U_SCALE;
		out[0] = r;
		out[1] = (y - KR * r - KB * b) / KG;
		out[2] = b;
	}
}
