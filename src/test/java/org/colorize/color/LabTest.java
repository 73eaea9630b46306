package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabTest {

	/**
	 * {r, g, b, L, a, b}: the same definition re-implemented separately in numpy 1.24 (matrix solved
	 * from the sRGB primaries and white (0.95047, 1, 1.08883), ε = 216/24389, κ = 24389/27, float64).
	 */
	private static final double[][] NUMPY = {
		{ 1, 1, 1, 100.0000000000, 0.0000000000, 0.0000000000 },
		{ 0, 0, 0, 0.0000000000, 0.0000000000, 0.0000000000 },
		{ 1, 0, 0, 53.2407888676, 80.0924942864, 67.2031913974 },
		{ 0, 1, 0, 87.7347201909, -86.1827146245, 83.1793098505 },
		{ 0, 0, 1, 32.2970094398, 79.1875173972, -107.8601628893 },
		{ 0.5, 0.5, 0.5, 53.3889647411, 0.0000000000, 0.0000000000 },
		{ 0.2, 0.4, 0.6, 42.0081440994, -0.1517066637, -32.8460382774 },
		{ 0.9, 0.1, 0.3, 49.4858065185, 73.2159549717, 27.0897223815 },
		{ 0.01, 0.02, 0.005, 1.1739109035, -1.1987186660, 1.2126374179 },
		{ 0.75, 0.6, 0.05, 64.9005831768, 2.7591880237, 67.0094977045 } };

	/**
	 * {r, g, b, L, a, b} from scikit-image 0.19.3 {@code rgb2lab} (D65, 2°). skimage's 6-digit
	 * RGB→XYZ matrix maps white to X = 0.950456 instead of 0.95047, so its a, b differ from ours by
	 * up to ~0.005 (its white is (100, −0.0025, 0.0047)).
	 */
	private static final double[][] SKIMAGE = {
		{ 1, 1, 1, 100.0000000000, -0.0024549379, 0.0046534212 },
		{ 0, 0, 0, 0.0000000000, 0.0000000000, 0.0000000000 },
		{ 1, 0, 0, 53.2405879437, 80.0923082257, 67.2027510444 },
		{ 0, 1, 0, 87.7350994883, -86.1830297444, 83.1797031754 },
		{ 0, 0, 1, 32.2956725650, 79.1855909118, -107.8573002067 },
		{ 0.5, 0.5, 0.5, 53.3889647411, -0.0014684965, 0.0027835869 },
		{ 0.2, 0.4, 0.6, 42.0080005894, -0.1540411985, -32.8428974190 },
		{ 0.9, 0.1, 0.3, 49.4855859282, 73.2156120261, 27.0911888276 },
		{ 0.01, 0.02, 0.005, 1.1739128998, -1.1987546273, 1.2126851122 },
		{ 0.75, 0.6, 0.05, 64.9007030513, 2.7584567825, 67.0096757152 } };

	private final double[] out = new double[3];

	@Test
	void matchesLindbloomsPublishedRed() {
		// brucelindbloom.com, sRGB, D65: (255, 0, 0) → L 53.2408, a 80.0925, b 67.2032 (4 decimals)
		Lab.fromSrgb(1, 0, 0, out);
		assertEquals(53.2408, out[0], 5e-5);
		assertEquals(80.0925, out[1], 5e-5);
		assertEquals(67.2032, out[2], 5e-5);
	}

	@Test
	void whiteIsExactlyNeutral() {
		Lab.fromSrgb(1, 1, 1, out);
		assertEquals(100, out[0], 1e-12);
		assertEquals(0, out[1], 1e-12);
		assertEquals(0, out[2], 1e-12);
	}

	@Test
	void matrixMatchesLindbloom() {
		double[] lindbloom = { 0.4124564, 0.3575761, 0.1804375, 0.2126729, 0.7151522, 0.0721750, 0.0193339,
				0.1191920, 0.9503041 };
		double[] m = Lab.rgbToXyzMatrix();
		for (int i = 0; i < 9; i++) {
			assertEquals(lindbloom[i], m[i], 5e-8, "element " + i);
		}
	}

	@Test
	void matchesIndependentComputation() {
		for (double[] row : NUMPY) {
			Lab.fromSrgb(row[0], row[1], row[2], out);
			for (int c = 0; c < 3; c++) {
				assertEquals(row[3 + c], out[c], 1e-8, () -> "rgb " + row[0] + ", " + row[1] + ", " + row[2]);
			}
		}
	}

	@Test
	void agreesWithScikitImageUpToItsRoundedMatrix() {
		for (double[] row : SKIMAGE) {
			Lab.fromSrgb(row[0], row[1], row[2], out);
			assertEquals(row[3], out[0], 2e-3);
			assertEquals(row[4], out[1], 6e-3);
			assertEquals(row[5], out[2], 6e-3);
		}
	}

	@Test
	void grayHasNoChroma() {
		for (int k = 0; k <= 255; k++) {
			double v = k / 255.0;
			Lab.fromSrgb(v, v, v, out);
			assertEquals(0, out[1], 1e-12);
			assertEquals(0, out[2], 1e-12);
			assertEquals(Lab.lightnessOfGray(v), out[0], 1e-12);
		}
	}

	@Test
	void roundTripsOverTheCube() {
		double[] rgb = new double[3];
		int steps = 20;
		for (int i = 0; i <= steps; i++) {
			for (int j = 0; j <= steps; j++) {
				for (int k = 0; k <= steps; k++) {
					double r = (double) i / steps;
					double g = (double) j / steps;
					double b = (double) k / steps;
					Lab.fromSrgb(r, g, b, out);
					Lab.toSrgb(out[0], out[1], out[2], rgb);
					assertEquals(r, rgb[0], 1e-9);
					assertEquals(g, rgb[1], 1e-9);
					assertEquals(b, rgb[2], 1e-9);
				}
			}
		}
	}

	@Test
	void toSrgbDoesNotClampOutOfGamutColors() {
		Lab.toSrgb(50, 0, -120, out);
		assertTrue(out[0] < 0, "red of a too-blue color is negative");
		assertTrue(out[2] > 1, "blue of a too-blue color exceeds 1");
		Lab.fromSrgb(out[0], out[1], out[2], out);
		assertEquals(50, out[0], 1e-9);
		assertEquals(0, out[1], 1e-9);
		assertEquals(-120, out[2], 1e-9);
	}

	@Test
	void lightnessOfGrayMatchesFixtures() {
		// numpy, as NUMPY above
		double[][] fixtures = { { 0, 0 }, { 0.01, 0.6991457402 }, { 0.04045, 2.8280445190 }, { 0.1, 9.0104427566 },
				{ 0.5, 53.3889647411 }, { 0.9, 91.1170783825 }, { 1, 100 } };
		for (double[] f : fixtures) {
			assertEquals(f[1], Lab.lightnessOfGray(f[0]), 1e-8, "gray " + f[0]);
		}
	}

	@Test
	void grayOfLightnessInvertsLightnessOfGray() {
		for (int i = 0; i <= 1000; i++) {
			double v = i / 1000.0;
			assertEquals(v, Lab.grayOfLightness(Lab.lightnessOfGray(v)), 1e-12);
			double L = i / 10.0;
			assertEquals(L, Lab.lightnessOfGray(Lab.grayOfLightness(L)), 1e-10);
		}
	}
}
