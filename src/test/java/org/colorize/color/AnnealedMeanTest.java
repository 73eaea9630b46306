package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AnnealedMeanTest {

	private final AbGamut g = AbGamut.zhang();
	private final int q = g.size();

	@Test
	void temperatureOneIsThePlainMean() {
		float[] probs = randomDistribution(new Random(1), 0);
		double a = 0;
		double b = 0;
		for (int bin = 0; bin < q; bin++) {
			a += probs[bin] * g.a(bin);
			b += probs[bin] * g.b(bin);
		}
		float[] ab = new float[2];
		new AnnealedMean(g, 1).decodeProbabilities(probs, 0, ab);
		assertEquals(a, ab[0], 1e-4);
		assertEquals(b, ab[1], 1e-4);
	}

	@Test
	void smallTemperatureApproachesTheMode() {
		float[] probs = randomDistribution(new Random(2), 0);
		int mode = 0;
		for (int bin = 0; bin < q; bin++) {
			mode = probs[bin] > probs[mode] ? bin : mode;
		}
		float[] ab = new float[2];
		new AnnealedMean(g, 1e-3).decodeProbabilities(probs, 0, ab);
		assertEquals(g.a(mode), ab[0], 1e-3);
		assertEquals(g.b(mode), ab[1], 1e-3);
		// and the error shrinks with T
		float[] coarse = new float[2];
		new AnnealedMean(g, 0.38).decodeProbabilities(probs, 0, coarse);
		float[] finer = new float[2];
		new AnnealedMean(g, 0.1).decodeProbabilities(probs, 0, finer);
		assertEquals(true, distance(finer, g.a(mode), g.b(mode)) < distance(coarse, g.a(mode), g.b(mode)));
	}

	@Test
	void matchesDirectFormula() {
		float[] probs = randomDistribution(new Random(3), 0);
		double t = AnnealedMean.ZHANG_TEMPERATURE;
		double sum = 0;
		double a = 0;
		double b = 0;
		for (int bin = 0; bin < q; bin++) {
			double f = Math.exp(Math.log(probs[bin]) / t);
			sum += f;
			a += f * g.a(bin);
			b += f * g.b(bin);
		}
		float[] ab = new float[2];
		new AnnealedMean(g, t).decodeProbabilities(probs, 0, ab);
		assertEquals(a / sum, ab[0], 1e-4);
		assertEquals(b / sum, ab[1], 1e-4);
	}

	@Test
	void logitsAreShiftInvariantAndAgreeWithTheirSoftmax() {
		Random random = new Random(4);
		int offset = 7;
		float[] logits = new float[offset + q];
		for (int bin = 0; bin < q; bin++) {
			logits[offset + bin] = (float) (3 * random.nextGaussian());
		}
		AnnealedMean decoder = new AnnealedMean(g, AnnealedMean.ZHANG_TEMPERATURE);
		float[] ab = new float[2];
		decoder.decodeLogits(logits, offset, ab);

		float[] shifted = logits.clone();
		for (int bin = 0; bin < q; bin++) {
			shifted[offset + bin] += 1000;
		}
		float[] abShifted = new float[2];
		decoder.decodeLogits(shifted, offset, abShifted);
		assertEquals(ab[0], abShifted[0], 1e-3);
		assertEquals(ab[1], abShifted[1], 1e-3);

		double max = Double.NEGATIVE_INFINITY;
		for (int bin = 0; bin < q; bin++) {
			max = Math.max(max, logits[offset + bin]);
		}
		double total = 0;
		for (int bin = 0; bin < q; bin++) {
			total += Math.exp(logits[offset + bin] - max);
		}
		float[] probs = new float[q];
		for (int bin = 0; bin < q; bin++) {
			probs[bin] = (float) (Math.exp(logits[offset + bin] - max) / total);
		}
		float[] abSoftmax = new float[2];
		decoder.decodeProbabilities(probs, 0, abSoftmax);
		assertEquals(abSoftmax[0], ab[0], 1e-3);
		assertEquals(abSoftmax[1], ab[1], 1e-3);
	}

	@Test
	void readsStridedChannels() {
		int stride = 4;
		float[] probs = randomDistribution(new Random(5), 0);
		float[] strided = new float[2 + q * stride];
		for (int bin = 0; bin < q; bin++) {
			strided[2 + bin * stride] = probs[bin];
		}
		AnnealedMean decoder = new AnnealedMean(g, 0.38);
		float[] ab = new float[2];
		decoder.decodeProbabilities(probs, 0, ab);
		float[] abStrided = new float[2];
		decoder.decodeProbabilities(strided, 2, stride, abStrided);
		assertEquals(ab[0], abStrided[0], 0);
		assertEquals(ab[1], abStrided[1], 0);
	}

	@Test
	void oneHotGivesTheBinCenter() {
		float[] probs = new float[q];
		probs[123] = 1;
		float[] ab = new float[2];
		new AnnealedMean(g, 0.38).decodeProbabilities(probs, 0, ab);
		assertEquals(g.a(123), ab[0], 0);
		assertEquals(g.b(123), ab[1], 0);
	}

	@Test
	void rejectsBadTemperaturesAndInputs() {
		assertThrows(IllegalArgumentException.class, () -> new AnnealedMean(g, 0));
		assertThrows(IllegalArgumentException.class, () -> new AnnealedMean(g, -1));
		assertThrows(IllegalArgumentException.class, () -> new AnnealedMean(g, Double.NaN));
		assertThrows(IllegalArgumentException.class,
				() -> new AnnealedMean(g, 1).decodeProbabilities(new float[q], 0, new float[2]));
	}

	private float[] randomDistribution(Random random, int offset) {
		float[] p = new float[offset + q];
		double sum = 0;
		for (int bin = 0; bin < q; bin++) {
			double v = Math.exp(2 * random.nextGaussian());
			p[offset + bin] = (float) v;
			sum += v;
		}
		for (int bin = 0; bin < q; bin++) {
			p[offset + bin] /= sum;
		}
		return p;
	}

	private static double distance(float[] ab, float a, float b) {
		return Math.hypot(ab[0] - a, ab[1] - b);
	}
}
