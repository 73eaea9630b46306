package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ClassRebalancingTest {

	private final AbGamut g = AbGamut.zhang();

	@Test
	void expectedWeightIsOne() {
		Random random = new Random(9);
		double[] counts = new double[g.size()];
		for (int bin = 0; bin < counts.length; bin++) {
			// heavy-tailed, with empty bins, like real color statistics
			counts[bin] = random.nextInt(4) == 0 ? 0 : Math.exp(4 * random.nextGaussian());
		}
		float[] w = ClassRebalancing.weights(g, counts, ClassRebalancing.ZHANG_LAMBDA, ClassRebalancing.ZHANG_SIGMA);
		double[] prior = ClassRebalancing.smoothedDistribution(g, counts, ClassRebalancing.ZHANG_SIGMA);
		double expectation = 0;
		double total = 0;
		for (int bin = 0; bin < w.length; bin++) {
			expectation += prior[bin] * w[bin];
			total += prior[bin];
			assertTrue(w[bin] > 0 && Float.isFinite(w[bin]));
		}
		assertEquals(1, total, 1e-12);
		assertEquals(1, expectation, 1e-6);
	}

	@Test
	void uniformCountsGiveUniformWeights() {
		double[] counts = new double[g.size()];
		Arrays.fill(counts, 17);
		for (double sigma : new double[] { 0, 5, 20 }) {
			float[] w = ClassRebalancing.weights(g, counts, 0.5, sigma);
			for (float v : w) {
				assertEquals(1, v, 1e-6);
			}
		}
	}

	@Test
	void rarerBinsWeighMoreAndLambdaOneIsUniform() {
		double[] counts = new double[g.size()];
		for (int bin = 0; bin < counts.length; bin++) {
			counts[bin] = bin + 1;
		}
		float[] w = ClassRebalancing.weights(g, counts, 0.5, 0);
		for (int bin = 1; bin < w.length; bin++) {
			assertTrue(w[bin] < w[bin - 1]);
		}
		float[] uniform = ClassRebalancing.weights(g, counts, 1, 5);
		for (float v : uniform) {
			assertEquals(1, v, 1e-6);
		}
	}

	@Test
	void formulaWithoutSmoothing() {
		double[] counts = new double[g.size()];
		counts[0] = 3;
		counts[1] = 1;
		float[] w = ClassRebalancing.weights(g, counts, 0.5, 0);
		int q = g.size();
		double w0 = 1 / (0.5 * 0.75 + 0.5 / q);
		double w1 = 1 / (0.5 * 0.25 + 0.5 / q);
		double w2 = 1 / (0.5 / q);
		double expectation = 0.75 * w0 + 0.25 * w1;
		assertEquals(w0 / expectation, w[0], 1e-5);
		assertEquals(w1 / expectation, w[1], 1e-5);
		assertEquals(w2 / expectation, w[2], 1e-3);
	}

	@Test
	void smoothingSpreadsToNeighboursWithSigmaFive() {
		double[] counts = new double[g.size()];
		int center = g.indexOf(0, 0);
		counts[center] = 1;
		double[] prior = ClassRebalancing.smoothedDistribution(g, counts, 5);
		int right = g.indexOf(10, 0);
		int diagonal = g.indexOf(10, 10);
		// Gaussian σ = 5 at 10 and 10√2 ab units: e^-2 and e^-4, up to each bin's own normalization
		double ratio = prior[right] / prior[center];
		assertTrue(ratio > 0.9 * Math.exp(-2) && ratio < 1.1 * Math.exp(-2), "ratio " + ratio);
		assertTrue(prior[diagonal] < prior[right]);
	}

	@Test
	void rejectsBadInputs() {
		double[] counts = new double[g.size()];
		assertThrows(IllegalArgumentException.class, () -> ClassRebalancing.weights(g, counts, 0.5, 5));
		counts[0] = 1;
		assertThrows(IllegalArgumentException.class, () -> ClassRebalancing.weights(g, counts, 0, 0));
		assertThrows(IllegalArgumentException.class, () -> ClassRebalancing.weights(g, counts, 1.5, 5));
		assertThrows(IllegalArgumentException.class, () -> ClassRebalancing.weights(g, new double[3], 0.5, 5));
		counts[1] = -1;
		assertThrows(IllegalArgumentException.class, () -> ClassRebalancing.weights(g, counts, 0.5, 5));
	}
}
