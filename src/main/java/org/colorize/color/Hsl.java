package org.colorize.color;

/**
 * HSL (hue, saturation, lightness; the hexcone model of Python's {@code colorsys} HLS) of encoded
 * sRGB: H in degrees [0, 360), S and L in [0, 1]. Grays have H = 0 and S = 0.
 */
public final class Hsl {

	private Hsl() {}

	/** Encoded sRGB (0..1) to {@code out = {H, S, L}}. */
	public static void fromSrgb(double r, double g, double b, double[] out) {
		double max = Math.max(r, Math.max(g, b));
		double min = Math.min(r, Math.min(g, b));
		double l = (max + min) / 2;
		double range = max - min;
		if (range == 0) {
			out[0] = 0;
			out[1] = 0;
			out[2] = l;
			return;
		}
		double s = l <= 0.5 ? range / (max + min) : range / (2 - max - min);
		double sector;
		if (r == max) {
			sector = (g - b) / range;
		} else if (g == max) {
			sector = 2 + (b - r) / range;
		} else {
			sector = 4 + (r - g) / range;
		}
		out[0] = wrapDegrees(60 * sector);
		out[1] = s;
		out[2] = l;
	}

	/** {@code H} (degrees, any value; wrapped), {@code S}, {@code L} to encoded sRGB {@code out = {r, g, b}}. */
	public static void toSrgb(double h, double s, double l, double[] out) {
		double chroma = (1 - Math.abs(2 * l - 1)) * s;
		double sector = wrapDegrees(h) / 60;
		double x = chroma * (1 - Math.abs(sector % 2 - 1));
		double m = l - chroma / 2;
		double r;
		double g;
		double b;
		switch ((int) sector) {
			case 0: r = chroma; g = x; b = 0; break;
			case 1: r = x; g = chroma; b = 0; break;
			case 2: r = 0; g = chroma; b = x; break;
			case 3: r = 0; g = x; b = chroma; break;
			case 4: r = x; g = 0; b = chroma; break;
			default: r = chroma; g = 0; b = x; break;
		}
		out[0] = r + m;
		out[1] = g + m;
		out[2] = b + m;
	}

	private static double wrapDegrees(double h) {
		double w = h % 360;
		if (w < 0) {
			w += 360;
		}
		// -tiny % 360 + 360 rounds to 360
		return w >= 360 ? 0 : w;
	}
}
