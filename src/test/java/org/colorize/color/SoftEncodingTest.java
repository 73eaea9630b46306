package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SoftEncodingTest {

	@Test
	void sumsToOneWithFiveNonzerosPeakingAtTheNearestBin() {
		AbGamut g = AbGamut.zhang();
		SoftEncoding encoding = SoftEncoding.zhang(g);
		float[] out = new float[g.size()];
		Random random = new Random(11);
		double[] lab = new double[3];
		for (int i = 0; i < 20_000; i++) {
			Lab.fromSrgb(random.nextDouble(), random.nextDouble(), random.nextDouble(), lab);
			float a = (float) lab[1];
			float b = (float) lab[2];
			Arrays.fill(out, Float.NaN);
			encoding.encode(a, b, out);
			double sum = 0;
			int nonzero = 0;
			int peak = 0;
			for (int bin = 0; bin < out.length; bin++) {
				sum += out[bin];
				nonzero += out[bin] != 0 ? 1 : 0;
				peak = out[bin] > out[peak] ? bin : peak;
			}
			assertEquals(1, sum, 1e-6);
			assertEquals(5, nonzero);
			assertEquals(g.nearest(a, b), peak);
		}
	}

	@Test
	void matchesBruteForceGaussianOfFiveNearest() {
		Random random = new Random(5);
		for (AbGamut g : List.of(AbGamut.zhang(), AbGamut.inGamut(6))) {
			for (int k : new int[] { 1, 5, 9 }) {
				double sigma = 3 + k;
				SoftEncoding encoding = new SoftEncoding(g, k, sigma);
				float[] out = new float[g.size()];
				for (int i = 0; i < 2_000; i++) {
					// within ±120 the plain Gaussian of the brute force does not underflow
					float a = (float) (random.nextDouble() * 240 - 120);
					float b = (float) (random.nextDouble() * 240 - 120);
					encoding.encode(a, b, out);
					assertArrayEquals(bruteForce(g, k, sigma, a, b), out, 1e-6f, g + " k=" + k + " at " + a + ", " + b);
				}
			}
		}
	}

	@Test
	void sparseFormAgreesWithDense() {
		AbGamut g = AbGamut.zhang();
		SoftEncoding encoding = SoftEncoding.zhang(g);
		float[] dense = new float[g.size()];
		int[] bins = new int[5];
		float[] weights = new float[5];
		Random random = new Random(2);
		for (int i = 0; i < 2_000; i++) {
			float a = (float) (random.nextDouble() * 200 - 100);
			float b = (float) (random.nextDouble() * 200 - 100);
			encoding.encode(a, b, dense);
			encoding.encodeSparse(a, b, bins, weights);
			float[] fromSparse = new float[g.size()];
			for (int r = 0; r < 5; r++) {
				fromSparse[bins[r]] = weights[r];
				if (r > 0) {
					assertEquals(true, weights[r] <= weights[r - 1], "sparse entries nearest first");
				}
			}
			assertArrayEquals(dense, fromSparse, 1e-6f);
		}
	}

	@Test
	void farOutsideTheGamutStillSumsToOne() {
		AbGamut g = AbGamut.zhang();
		float[] out = new float[g.size()];
		SoftEncoding.zhang(g).encode(-500, 800, out);
		double sum = 0;
		for (float v : out) {
			sum += v;
		}
		assertEquals(1, sum, 1e-6);
	}

	@Test
	void rejectsBadArguments() {
		AbGamut g = AbGamut.zhang();
		assertThrows(IllegalArgumentException.class, () -> new SoftEncoding(g, 0, 5));
		assertThrows(IllegalArgumentException.class, () -> new SoftEncoding(g, 314, 5));
		assertThrows(IllegalArgumentException.class, () -> new SoftEncoding(g, 5, 0));
		assertThrows(IllegalArgumentException.class, () -> SoftEncoding.zhang(g).encode(0, 0, new float[10]));
		assertThrows(IllegalArgumentException.class, () -> SoftEncoding.zhang(g).encode(Float.NaN, 0, new float[313]));
	}

	private static float[] bruteForce(AbGamut g, int k, double sigma, float a, float b) {
		double[] d2 = new double[g.size()];
		for (int bin = 0; bin < g.size(); bin++) {
			double da = g.a(bin) - (double) a;
			double db = g.b(bin) - (double) b;
			d2[bin] = da * da + db * db;
		}
		int[] order = IntStream.range(0, g.size()).boxed()
				.sorted(Comparator.<Integer>comparingDouble(bin -> d2[bin]).thenComparingInt(bin -> bin))
				.mapToInt(Integer::intValue).toArray();
		double[] w = new double[k];
		double sum = 0;
		for (int r = 0; r < k; r++) {
			w[r] = Math.exp(-d2[order[r]] / (2 * sigma * sigma));
			sum += w[r];
		}
		float[] out = new float[g.size()];
		for (int r = 0; r < k; r++) {
			out[order[r]] = (float) (w[r] / sum);
		}
		return out;
	}
}
