package org.colorize.color;

/**
 * Zhang et al.'s class rebalancing: per-bin loss weights that boost rare colors,
 * w ∝ ((1 − λ) p̃ + λ/Q)^−1 with p̃ the empirical bin distribution smoothed by a Gaussian,
 * scaled so that the expected weight under p̃ is 1 (Σ p̃·w = 1).
 *
 * <p>Smoothing is a normalized convolution over the bins: p̃_q ∝ Σ_j G(c_q − c_j) p_j / Σ_j G(c_q − c_j),
 * with G the Gaussian of σ in ab units and c the bin centers. Dividing by the kernel mass that falls
 * on bins keeps bins at the gamut's edge from being starved, and keeps a uniform distribution
 * uniform.
 */
public final class ClassRebalancing {

	/** ECCV16: λ = 1/2 mixes the prior half-and-half with the uniform distribution. */
	public static final double ZHANG_LAMBDA = 0.5;
	/** ECCV16: σ = 5 ab units for smoothing the prior. */
	public static final double ZHANG_SIGMA = 5;

	private ClassRebalancing() {}

	/**
	 * The weights for bin counts {@code binCounts} (length Q, non-negative, positive sum).
	 *
	 * @param lambda mixing with the uniform distribution, 0..1 (0 needs every bin to be seen)
	 * @param sigma smoothing σ in ab units, ≥ 0 (0: no smoothing)
	 */
	public static float[] weights(AbGamut gamut, double[] binCounts, double lambda, double sigma) {
		if (!(lambda >= 0 && lambda <= 1)) {
			throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
		}
		double[] prior = smoothedDistribution(gamut, binCounts, sigma);
		int q = prior.length;
		double[] w = new double[q];
		double expectation = 0;
		for (int bin = 0; bin < q; bin++) {
			w[bin] = 1 / ((1 - lambda) * prior[bin] + lambda / q);
			if (Double.isInfinite(w[bin])) {
				throw new IllegalArgumentException("bin " + bin + " has probability 0; use lambda > 0");
			}
			expectation += prior[bin] * w[bin];
		}
		float[] out = new float[q];
		for (int bin = 0; bin < q; bin++) {
			out[bin] = (float) (w[bin] / expectation);
		}
		return out;
	}

	/** p̃: the counts normalized to a distribution and smoothed as described above. */
	public static double[] smoothedDistribution(AbGamut gamut, double[] binCounts, double sigma) {
		int q = gamut.size();
		if (binCounts.length != q) {
			throw new IllegalArgumentException("need " + q + " bin counts, got " + binCounts.length);
		}
		if (!(sigma >= 0) || Double.isInfinite(sigma)) {
			throw new IllegalArgumentException("sigma must be >= 0 and finite, got " + sigma);
		}
		double total = 0;
		for (int bin = 0; bin < q; bin++) {
			if (!(binCounts[bin] >= 0) || Double.isInfinite(binCounts[bin])) {
				throw new IllegalArgumentException("bin count " + bin + " is " + binCounts[bin]);
			}
			total += binCounts[bin];
		}
		if (!(total > 0)) {
			throw new IllegalArgumentException("bin counts sum to 0");
		}
		double[] smoothed = new double[q];
		if (sigma == 0) {
			for (int bin = 0; bin < q; bin++) {
				smoothed[bin] = binCounts[bin] / total;
			}
			return smoothed;
		}
		double minusHalfOverSigma2 = -0.5 / (sigma * sigma);
		double smoothedTotal = 0;
		for (int bin = 0; bin < q; bin++) {
			double mass = 0;
			double value = 0;
			for (int other = 0; other < q; other++) {
				double g = Math.exp(gamut.distance2(other, gamut.a(bin), gamut.b(bin)) * minusHalfOverSigma2);
				mass += g;
				value += g * binCounts[other];
			}
			smoothed[bin] = value / mass;
			smoothedTotal += smoothed[bin];
		}
		for (int bin = 0; bin < q; bin++) {
			smoothed[bin] /= smoothedTotal;
		}
		return smoothed;
	}
}
