package org.colorize.color;

import java.util.Arrays;

/**
 * Zhang et al.'s soft encoding of an ab value as a distribution over the bins of an
 * {@link AbGamut}: the {@code k} nearest bins, weighted by a Gaussian of their distance, normalized
 * to sum 1. Immutable and thread-safe; encoding allocates nothing.
 *
 * <p>"Nearest" orders bins by (distance, bin index), so ties are resolved toward the lower index.
 */
public final class SoftEncoding {

	/** ECCV16: 5 nearest neighbours. */
	public static final int ZHANG_NEIGHBOURS = 5;
	/** ECCV16: Gaussian σ = 5 ab units. */
	public static final double ZHANG_SIGMA = 5;

	private final AbGamut gamut;
	private final int neighbours;
	private final double sigma;
	private final double minusHalfOverSigma2;
	private final BinLookup lookup;
	private final ThreadLocal<Scratch> scratch;

	/**
	 * @param neighbours how many nearest bins get weight, 1..Q
	 * @param sigma Gaussian σ in ab units, > 0
	 */
	public SoftEncoding(AbGamut gamut, int neighbours, double sigma) {
		if (neighbours < 1 || neighbours > gamut.size()) {
			throw new IllegalArgumentException("neighbours must be in 1.." + gamut.size() + ", got " + neighbours);
		}
		if (!(sigma > 0) || Double.isInfinite(sigma)) {
			throw new IllegalArgumentException("sigma must be positive and finite, got " + sigma);
		}
		this.gamut = gamut;
		this.neighbours = neighbours;
		this.sigma = sigma;
		minusHalfOverSigma2 = -0.5 / (sigma * sigma);
		lookup = gamut.lookup(neighbours);
		int k = neighbours;
		scratch = ThreadLocal.withInitial(() -> new Scratch(k));
	}

	/** Zhang's settings: 5 neighbours, σ = 5. */
	public static SoftEncoding zhang(AbGamut gamut) {
		return new SoftEncoding(gamut, ZHANG_NEIGHBOURS, ZHANG_SIGMA);
	}

	public AbGamut gamut() {
		return gamut;
	}

	public int neighbours() {
		return neighbours;
	}

	public double sigma() {
		return sigma;
	}

	/**
	 * Writes the distribution over all Q bins of {@code (a, b)} into {@code out[0 .. Q)}: {@code k}
	 * entries are positive (unless far outside the gamut, where far neighbours underflow to 0), the
	 * rest 0; the sum is 1.
	 *
	 * @throws IllegalArgumentException if a or b is NaN or {@code out} is shorter than Q
	 */
	public void encode(float a, float b, float[] out) {
		int q = gamut.size();
		if (out.length < q) {
			throw new IllegalArgumentException("out has length " + out.length + ", need " + q);
		}
		Scratch nearest = scratch.get();
		encodeSparse(a, b, nearest.bins, nearest.weights);
		Arrays.fill(out, 0, q, 0f);
		for (int r = 0; r < neighbours; r++) {
			out[nearest.bins[r]] = nearest.weights[r];
		}
	}

	/** Per-thread room for the k nearest bins, so dense encoding allocates nothing per pixel. */
	private static final class Scratch {
		final int[] bins;
		final float[] weights;

		Scratch(int k) {
			bins = new int[k];
			weights = new float[k];
		}
	}

	/**
	 * Writes the k nearest bins of {@code (a, b)}, nearest first, to {@code bins[0 .. k)} and their
	 * normalized weights to {@code weights[0 .. k)}: the sparse form of {@link #encode(float, float, float[])}.
	 */
	public void encodeSparse(float a, float b, int[] bins, float[] weights) {
		if (bins.length < neighbours || weights.length < neighbours) {
			throw new IllegalArgumentException("bins and weights need length >= " + neighbours);
		}
		int c = lookup.cell(a, b);
		int[] list = lookup.list(c);
		int from = lookup.from(c);
		int to = lookup.to(c);
		double nearestD2 = 0;
		double lastD2 = -1;
		int lastBin = -1;
		double sum = 0;
		for (int r = 0; r < neighbours; r++) {
			double nextD2 = Double.POSITIVE_INFINITY;
			int nextBin = Integer.MAX_VALUE;
			for (int p = from; p < to; p++) {
				int bin = list[p];
				double d2 = gamut.distance2(bin, a, b);
				if (before(lastD2, lastBin, d2, bin) && before(d2, bin, nextD2, nextBin)) {
					nextD2 = d2;
					nextBin = bin;
				}
			}
			if (r == 0) {
				nearestD2 = nextD2;
			}
			double w = weight(nextD2, nearestD2);
			bins[r] = nextBin;
			weights[r] = (float) w;
			sum += w;
			lastD2 = nextD2;
			lastBin = nextBin;
		}
		double scale = 1 / sum;
		for (int r = 0; r < neighbours; r++) {
			weights[r] *= scale;
		}
	}

	/**
	 * Gaussian weight of a bin at squared distance {@code d2}, relative to the nearest bin's (so the
	 * nearest weighs 1 and far-away points do not underflow to an all-zero sum).
	 */
	private double weight(double d2, double nearestD2) {
		return Math.exp((d2 - nearestD2) * minusHalfOverSigma2);
	}

	/** Whether (d2, bin) comes strictly before (otherD2, otherBin) in (distance, index) order. */
	private static boolean before(double d2, int bin, double otherD2, int otherBin) {
		return d2 < otherD2 || (d2 == otherD2 && bin < otherBin);
	}
}
