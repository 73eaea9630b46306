package org.colorize.color;

/**
 * CIE 1976 L*a*b* of sRGB colors: D65 reference white (Xn = 0.95047, Yn = 1, Zn = 1.08883),
 * sRGB primaries and transfer curve, the CIE's exact constants ε = 216/24389 and κ = 24389/27.
 *
 * <p>The RGB→XYZ matrix is derived from the primaries' chromaticities and this white point rather
 * than typed in rounded, so every gray maps to a = b = 0 and white to (100, 0, 0) up to rounding
 * error; it agrees with Bruce Lindbloom's published matrix to all of its 7 digits. scikit-image
 * uses a 6-digit matrix whose white is off by ~1e-5, which shifts its a, b by up to ~0.005.
 */
public final class Lab {

	/** D65 reference white, 2° observer. */
	public static final double XN = 0.95047;
	public static final double YN = 1.0;
	public static final double ZN = 1.08883;

	private static final double EPSILON = 216.0 / 24389;
	private static final double KAPPA = 24389.0 / 27;

	/** Linear sRGB → (X/Xn, Y/Yn, Z/Zn), row-major. */
	private static final double[] RGB_TO_NORMALIZED_XYZ;
	/** The inverse: (X/Xn, Y/Yn, Z/Zn) → linear sRGB. */
	private static final double[] NORMALIZED_XYZ_TO_RGB;

	static {
		double[] rgbToXyz = rgbToXyz(new double[] { 0.64, 0.33, 0.30, 0.60, 0.15, 0.06 },
				new double[] { XN, YN, ZN });
		double[] white = { XN, YN, ZN };
		RGB_TO_NORMALIZED_XYZ = new double[9];
		for (int i = 0; i < 9; i++) {
			RGB_TO_NORMALIZED_XYZ[i] = rgbToXyz[i] / white[i / 3];
		}
		NORMALIZED_XYZ_TO_RGB = Matrix3.inverse(RGB_TO_NORMALIZED_XYZ);
	}

	private Lab() {}

	/**
	 * The linear RGB → XYZ matrix of an RGB space given by its primaries' chromaticities
	 * {@code xy = {xr, yr, xg, yg, xb, yb}} and its white's XYZ: columns are the primaries' XYZ
	 * scaled so that R = G = B = 1 gives the white.
	 */
	static double[] rgbToXyz(double[] xy, double[] white) {
		double[] primaries = new double[9];
		for (int p = 0; p < 3; p++) {
			double x = xy[2 * p];
			double y = xy[2 * p + 1];
			primaries[p] = x / y;
			primaries[3 + p] = 1;
			primaries[6 + p] = (1 - x - y) / y;
		}
		double[] scale = Matrix3.apply(Matrix3.inverse(primaries), white);
		double[] m = new double[9];
		for (int i = 0; i < 9; i++) {
			m[i] = primaries[i] * scale[i % 3];
		}
		return m;
	}

	/** The linear sRGB → XYZ matrix in use, row-major (a copy). */
	public static double[] rgbToXyzMatrix() {
		double[] white = { XN, YN, ZN };
		double[] m = new double[9];
		for (int i = 0; i < 9; i++) {
			m[i] = RGB_TO_NORMALIZED_XYZ[i] * white[i / 3];
		}
		return m;
	}

	/** The XYZ → linear sRGB matrix in use, row-major (a copy; the inverse of {@link #rgbToXyzMatrix()}). */
	public static double[] xyzToRgbMatrix() {
		return Matrix3.inverse(rgbToXyzMatrix());
	}

	/**
	 * Encoded sRGB (nominally 0..1) to L*a*b*: {@code out[0] = L} (0..100), {@code out[1] = a},
	 * {@code out[2] = b}.
	 */
	public static void fromSrgb(double r, double g, double b, double[] out) {
		fromLinearSrgb(SrgbTransfer.decode(r), SrgbTransfer.decode(g), SrgbTransfer.decode(b), out);
	}

	/** Linear-light sRGB to L*a*b*, as {@link #fromSrgb}. */
	public static void fromLinearSrgb(double r, double g, double b, double[] out) {
		double[] m = RGB_TO_NORMALIZED_XYZ;
		double fx = f(m[0] * r + m[1] * g + m[2] * b);
		double fy = f(m[3] * r + m[4] * g + m[5] * b);
		double fz = f(m[6] * r + m[7] * g + m[8] * b);
		out[0] = 116 * fy - 16;
		out[1] = 500 * (fx - fy);
		out[2] = 200 * (fy - fz);
	}

	/**
	 * L*a*b* to encoded sRGB, {@code out = {r, g, b}}. Not clamped: colors outside the sRGB gamut
	 * give values outside [0, 1].
	 */
	public static void toSrgb(double L, double a, double b, double[] out) {
		toLinearSrgb(L, a, b, out);
		out[0] = SrgbTransfer.encode(out[0]);
		out[1] = SrgbTransfer.encode(out[1]);
		out[2] = SrgbTransfer.encode(out[2]);
	}

	/** L*a*b* to linear-light sRGB, not clamped. */
	public static void toLinearSrgb(double L, double a, double b, double[] out) {
		double fy = (L + 16) / 116;
		double x = fInverse(fy + a / 500);
		double y = fInverse(fy);
		double z = fInverse(fy - b / 200);
		double[] m = NORMALIZED_XYZ_TO_RGB;
		out[0] = m[0] * x + m[1] * y + m[2] * z;
		out[1] = m[3] * x + m[4] * y + m[5] * z;
		out[2] = m[6] * x + m[7] * y + m[8] * z;
	}

	/** L* of the gray R = G = B = {@code v} (encoded sRGB, 0..1). */
	public static double lightnessOfGray(double v) {
		return lightnessOfLuminance(SrgbTransfer.decode(v));
	}

	/** The encoded sRGB gray value whose L* is {@code L}; inverse of {@link #lightnessOfGray}. */
	public static double grayOfLightness(double L) {
		return SrgbTransfer.encode(luminanceOfLightness(L));
	}

	/** L* of relative luminance Y/Yn. */
	public static double lightnessOfLuminance(double y) {
		return 116 * f(y) - 16;
	}

	/** Relative luminance Y/Yn of lightness L*. */
	public static double luminanceOfLightness(double L) {
		return fInverse((L + 16) / 116);
	}

	private static double f(double t) {
		return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16) / 116;
	}

	private static double fInverse(double f) {
		double cube = f * f * f;
		return cube > EPSILON ? cube : (116 * f - 16) / KAPPA;
	}
}
