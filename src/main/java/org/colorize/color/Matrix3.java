package org.colorize.color;

/** Row-major 3×3 matrices as {@code double[9]}; just what the color conversions need. */
final class Matrix3 {

	private Matrix3() {}

	static double[] inverse(double[] m) {
		double c00 = m[4] * m[8] - m[5] * m[7];
		double c01 = m[5] * m[6] - m[3] * m[8];
		double c02 = m[3] * m[7] - m[4] * m[6];
		double det = m[0] * c00 + m[1] * c01 + m[2] * c02;
		if (det == 0 || !Double.isFinite(det)) {
			throw new IllegalArgumentException("matrix is singular");
		}
		double s = 1 / det;
		return new double[] {
			c00 * s, (m[2] * m[7] - m[1] * m[8]) * s, (m[1] * m[5] - m[2] * m[4]) * s,
			c01 * s, (m[0] * m[8] - m[2] * m[6]) * s, (m[2] * m[3] - m[0] * m[5]) * s,
			c02 * s, (m[1] * m[6] - m[0] * m[7]) * s, (m[0] * m[4] - m[1] * m[3]) * s };
	}

	/** {@code m · v}. */
	static double[] apply(double[] m, double[] v) {
		return new double[] {
			m[0] * v[0] + m[1] * v[1] + m[2] * v[2],
			m[3] * v[0] + m[4] * v[1] + m[5] * v[2],
			m[6] * v[0] + m[7] * v[1] + m[8] * v[2] };
	}
}
