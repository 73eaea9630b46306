package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** YUV, YCbCr and HSL against scikit-image 0.19.3 / Python 3.11 colorsys, and round trips. */
class ColorSpaceTest {

	private interface Conversion {
		void apply(double x, double y, double z, double[] out);
	}

	/** {r, g, b, Y, U, V} from skimage {@code rgb2yuv}. */
	private static final double[][] SKIMAGE_YUV = {
		{ 1, 1, 1, 1.0000000000, 0.0000000000, -0.0000000000 },
		{ 0, 0, 0, 0.0000000000, 0.0000000000, 0.0000000000 },
		{ 1, 0, 0, 0.2990000000, -0.1471411900, 0.6149753800 },
		{ 0, 1, 0, 0.5870000000, -0.2888691600, -0.5149651200 },
		{ 0, 0, 1, 0.1140000000, 0.4360103500, -0.1000102600 },
		{ 0.5, 0.5, 0.5, 0.5000000000, 0.0000000000, -0.0000000000 },
		{ 0.2, 0.4, 0.6, 0.3630000000, 0.1166303080, -0.1429971280 },
		{ 0.9, 0.1, 0.3, 0.3620000000, -0.0305108820, 0.4719782520 },
		{ 0.01, 0.02, 0.005, 0.0153000000, -0.0050687434, -0.0046495999 },
		{ 0.75, 0.6, 0.05, 0.5821500000, -0.2618768710, 0.1472519500 } };

	/** {r, g, b, Y, Cb, Cr} from skimage {@code rgb2ycbcr} (input in [0, 1], output on the 8-bit scale). */
	private static final double[][] SKIMAGE_YCBCR = {
		{ 1, 1, 1, 235.0000000000, 128.0000000000, 128.0000000000 },
		{ 0, 0, 0, 16.0000000000, 128.0000000000, 128.0000000000 },
		{ 1, 0, 0, 81.4810000000, 90.2030000000, 240.0000000000 },
		{ 0, 1, 0, 144.5530000000, 53.7970000000, 34.2140000000 },
		{ 0, 0, 1, 40.9660000000, 240.0000000000, 109.7860000000 },
		{ 0.5, 0.5, 0.5, 125.5000000000, 128.0000000000, 128.0000000000 },
		{ 0.2, 0.4, 0.6, 95.4970000000, 157.9594000000, 101.9572000000 },
		{ 0.9, 0.1, 0.3, 95.2780000000, 120.1624000000, 213.9572000000 },
		{ 0.01, 0.02, 0.005, 19.3507000000, 126.6979700000, 127.1532100000 },
		{ 0.75, 0.6, 0.05, 143.4908500000, 60.7304500000, 154.8177000000 } };

	/** {r, g, b, H (degrees), S, L} from colorsys {@code rgb_to_hls} (h · 360). */
	private static final double[][] COLORSYS_HSL = {
		{ 1, 1, 1, 0.0000000000, 0.0000000000, 1.0000000000 },
		{ 0, 0, 0, 0.0000000000, 0.0000000000, 0.0000000000 },
		{ 1, 0, 0, 0.0000000000, 1.0000000000, 0.5000000000 },
		{ 0, 1, 0, 120.0000000000, 1.0000000000, 0.5000000000 },
		{ 0, 0, 1, 240.0000000000, 1.0000000000, 0.5000000000 },
		{ 0.5, 0.5, 0.5, 0.0000000000, 0.0000000000, 0.5000000000 },
		{ 0.2, 0.4, 0.6, 210.0000000000, 0.5000000000, 0.4000000000 },
		{ 0.9, 0.1, 0.3, 345.0000000000, 0.8000000000, 0.5000000000 },
		{ 0.01, 0.02, 0.005, 100.0000000000, 0.6000000000, 0.0125000000 },
		{ 0.75, 0.6, 0.05, 47.1428571429, 0.8750000000, 0.4000000000 } };

	@Test
	void yuvMatchesScikitImage() {
		// skimage's matrix is U_SCALE and V_SCALE multiplied out and rounded to 8 decimals
		assertFixtures(SKIMAGE_YUV, Yuv::fromSrgb, 1e-8);
	}

	@Test
	void ycbcrMatchesScikitImage() {
		assertFixtures(SKIMAGE_YCBCR, YCbCr::fromSrgb, 1e-9);
	}

	@Test
	void hslMatchesColorsys() {
		assertFixtures(COLORSYS_HSL, Hsl::fromSrgb, 1e-9);
	}

	@Test
	void yuvRoundTrips() {
		assertRoundTrips(Yuv::fromSrgb, Yuv::toSrgb, 1e-12);
	}

	@Test
	void ycbcrRoundTrips() {
		assertRoundTrips(YCbCr::fromSrgb, YCbCr::toSrgb, 1e-12);
	}

	@Test
	void hslRoundTrips() {
		assertRoundTrips(Hsl::fromSrgb, Hsl::toSrgb, 1e-12);
	}

	@Test
	void hslWrapsHue() {
		double[] a = new double[3];
		double[] b = new double[3];
		Hsl.toSrgb(-90, 0.7, 0.4, a);
		Hsl.toSrgb(270, 0.7, 0.4, b);
		for (int c = 0; c < 3; c++) {
			assertEquals(b[c], a[c], 1e-12);
		}
		Hsl.toSrgb(720 + 30, 1, 0.5, a);
		assertEquals(1, a[0], 1e-12);
		assertEquals(0.5, a[1], 1e-12);
		assertEquals(0, a[2], 1e-12);
	}

	private static void assertFixtures(double[][] fixtures, Conversion forward, double tolerance) {
		double[] out = new double[3];
		for (double[] row : fixtures) {
			forward.apply(row[0], row[1], row[2], out);
			for (int c = 0; c < 3; c++) {
				assertEquals(row[3 + c], out[c], tolerance, () -> "rgb " + row[0] + ", " + row[1] + ", " + row[2]);
			}
		}
	}

	private static void assertRoundTrips(Conversion forward, Conversion inverse, double tolerance) {
		double[] there = new double[3];
		double[] back = new double[3];
		int steps = 20;
		for (int i = 0; i <= steps; i++) {
			for (int j = 0; j <= steps; j++) {
				for (int k = 0; k <= steps; k++) {
					double r = (double) i / steps;
					double g = (double) j / steps;
					double b = (double) k / steps;
					forward.apply(r, g, b, there);
					inverse.apply(there[0], there[1], there[2], back);
					assertEquals(r, back[0], tolerance);
					assertEquals(g, back[1], tolerance);
					assertEquals(b, back[2], tolerance);
				}
			}
		}
	}
}
