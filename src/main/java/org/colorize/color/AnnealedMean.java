package org.colorize.color;

/**
 * Zhang et al.'s annealed-mean decoding of a distribution z over the bins of an {@link AbGamut}
 * to one ab value: re-sharpen with temperature T, f_T(z) ∝ exp(log z / T), then take the expected
 * bin center. T = 1 gives the mean, T → 0 the mode. Immutable and thread-safe; allocates nothing.
 *
 * <p>Bins whose re-sharpened weight is below 1e-12 of the largest are skipped; they could move the
 * result by less than 1e-7 ab units.
 */
public final class AnnealedMean {

	/** ECCV16's choice, between vivid (mode) and spatially consistent (mean). */
	public static final double ZHANG_TEMPERATURE = 0.38;

	private static final double NEGLIGIBLE = 1e-12;

	private final AbGamut gamut;
	private final double temperature;
	private final double inverseTemperature;
	/** Probabilities below this fraction of the largest one are negligible after re-sharpening. */
	private final double probabilityCutoff;
	/** Logits below the largest minus this are negligible after re-sharpening. */
	private final double logitMargin;

	/** @param temperature T > 0 (finite) */
	public AnnealedMean(AbGamut gamut, double temperature) {
		if (!(temperature > 0) || Double.isInfinite(temperature)) {
			throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
		}
		this.gamut = gamut;
		this.temperature = temperature;
		inverseTemperature = 1 / temperature;
		probabilityCutoff = Math.pow(NEGLIGIBLE, temperature);
		logitMargin = -temperature * Math.log(NEGLIGIBLE);
	}

	public AbGamut gamut() {
		return gamut;
	}

	public double temperature() {
		return temperature;
	}

	/**
	 * Decodes probabilities {@code probs[offset + q]}, q = 0..Q−1, to {@code outAb = {a, b}}.
	 * They need not sum to 1 but must be non-negative with a positive maximum.
	 */
	public void decodeProbabilities(float[] probs, int offset, float[] outAb) {
		decodeProbabilities(probs, offset, 1, outAb);
	}

	/** As {@link #decodeProbabilities(float[], int, float[])} with bin q at {@code probs[offset + q · stride]}. */
	public void decodeProbabilities(float[] probs, int offset, int stride, float[] outAb) {
		int q = gamut.size();
		float max = 0;
		for (int bin = 0, p = offset; bin < q; bin++, p += stride) {
			max = Math.max(max, probs[p]);
		}
		if (!(max > 0)) {
			throw new IllegalArgumentException("no positive probability at offset " + offset);
		}
		double cutoff = max * probabilityCutoff;
		double sum = 0;
		double sumA = 0;
		double sumB = 0;
		for (int bin = 0, p = offset; bin < q; bin++, p += stride) {
			float z = probs[p];
			if (z < cutoff) {
				continue;
			}
			double w = inverseTemperature == 1 ? z / max : Math.pow(z / max, inverseTemperature);
			sum += w;
			sumA += w * gamut.a(bin);
			sumB += w * gamut.b(bin);
		}
		outAb[0] = (float) (sumA / sum);
		outAb[1] = (float) (sumB / sum);
	}

	/**
	 * Decodes unnormalized log-probabilities (softmax logits) {@code logits[offset + q]}: the same
	 * as decoding their softmax, without computing it.
	 */
	public void decodeLogits(float[] logits, int offset, float[] outAb) {
		decodeLogits(logits, offset, 1, outAb);
	}

	/** As {@link #decodeLogits(float[], int, float[])} with bin q at {@code logits[offset + q · stride]}. */
	public void decodeLogits(float[] logits, int offset, int stride, float[] outAb) {
		int q = gamut.size();
		float max = Float.NEGATIVE_INFINITY;
		for (int bin = 0, p = offset; bin < q; bin++, p += stride) {
			max = Math.max(max, logits[p]);
		}
		if (!(max > Float.NEGATIVE_INFINITY) || max == Float.POSITIVE_INFINITY) {
			throw new IllegalArgumentException("logits at offset " + offset + " have no finite maximum");
		}
		double cutoff = max - logitMargin;
		double sum = 0;
		double sumA = 0;
		double sumB = 0;
		for (int bin = 0, p = offset; bin < q; bin++, p += stride) {
			float x = logits[p];
			if (x < cutoff) {
				continue;
			}
			double w = Math.exp((x - max) * inverseTemperature);
			sum += w;
			sumA += w * gamut.a(bin);
			sumB += w * gamut.b(bin);
		}
		outAb[0] = (float) (sumA / sum);
		outAb[1] = (float) (sumB / sum);
	}
}
