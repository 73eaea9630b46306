package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class AbGamutTest {

	@Test
	void zhangHas313BinsInReleasedOrder() {
		AbGamut g = AbGamut.zhang();
		assertEquals(313, g.size());
		assertEquals(10, g.grid());
		// first and last rows of pts_in_hull.npy
		assertEquals(-90, g.a(0));
		assertEquals(50, g.b(0));
		assertEquals(-90, g.a(1));
		assertEquals(60, g.b(1));
		assertEquals(100, g.a(312));
		assertEquals(0, g.b(312));
		float[] centers = g.centers();
		assertEquals(2 * 313, centers.length);
		assertEquals(100, centers[2 * 312]);
		assertEquals(0, centers[2 * 312 + 1]);
		for (int bin = 1; bin < g.size(); bin++) {
			boolean ordered = g.a(bin - 1) < g.a(bin) || (g.a(bin - 1) == g.a(bin) && g.b(bin - 1) < g.b(bin));
			assertTrue(ordered, "bins sorted by a, then b at " + bin);
		}
	}

	@Test
	void zhangContainsKnownBins() {
		AbGamut g = AbGamut.zhang();
		int[][] in = { { 0, 0 }, { -90, 50 }, { -90, 90 }, { 100, 0 }, { 60, -110 }, { 0, 100 }, { 40, 90 } };
		int[][] out = { { -90, 40 }, { 110, 0 }, { 0, 110 }, { -110, -110 }, { 100, 10 }, { 50, -110 }, { 5, 0 } };
		for (int[] p : in) {
			assertTrue(g.contains(p[0], p[1]), p[0] + ", " + p[1]);
			int bin = g.indexOf(p[0], p[1]);
			assertEquals(p[0], g.a(bin));
			assertEquals(p[1], g.b(bin));
		}
		for (int[] p : out) {
			assertFalse(g.contains(p[0], p[1]), p[0] + ", " + p[1]);
		}
		assertSame(g, AbGamut.zhang());
	}

	@Test
	void nearestMatchesBruteForce() {
		Random random = new Random(7);
		for (AbGamut g : List.of(AbGamut.zhang(), AbGamut.inGamut(7), AbGamut.square(10, 30))) {
			for (int i = 0; i < 50_000; i++) {
				float a = (float) (random.nextDouble() * 320 - 160);
				float b = (float) (random.nextDouble() * 320 - 160);
				assertEquals(bruteForceNearest(g, a, b), g.nearest(a, b), g + " at " + a + ", " + b);
			}
			// far outside and on lattice points
			assertEquals(bruteForceNearest(g, 1e4f, -3e3f), g.nearest(1e4f, -3e3f));
			for (int bin = 0; bin < g.size(); bin++) {
				assertEquals(bin, g.nearest(g.a(bin), g.b(bin)));
			}
		}
	}

	@Test
	void nearestRejectsNaN() {
		assertThrows(IllegalArgumentException.class, () -> AbGamut.zhang().nearest(Float.NaN, 0));
	}

	@Test
	void inGamutGrid10IsZhangLessFourBins() {
		AbGamut zhang = AbGamut.zhang();
		AbGamut ours = AbGamut.inGamut(10);
		assertEquals(309, ours.size());
		for (int bin = 0; bin < ours.size(); bin++) {
			assertTrue(zhang.contains((int) ours.a(bin), (int) ours.b(bin)));
		}
		List<String> missing = new ArrayList<>();
		for (int bin = 0; bin < zhang.size(); bin++) {
			if (!ours.contains((int) zhang.a(bin), (int) zhang.b(bin))) {
				missing.add((int) zhang.a(bin) + "," + (int) zhang.b(bin));
			}
		}
		assertEquals(List.of("40,90", "100,-90", "100,-10", "100,0"), missing);
		assertSame(ours, AbGamut.inGamut(10));
	}

	@Test
	void inGamutHasTheCornersAroundEverySrgbColor() {
		Random random = new Random(3);
		double[] lab = new double[3];
		for (int grid : new int[] { 5, 10, 16 }) {
			AbGamut g = AbGamut.inGamut(grid);
			for (int i = 0; i < 20_000; i++) {
				Lab.fromSrgb(random.nextInt(256) / 255.0, random.nextInt(256) / 255.0, random.nextInt(256) / 255.0, lab);
				int a0 = (int) Math.floor(lab[1] / grid) * grid;
				int b0 = (int) Math.floor(lab[2] / grid) * grid;
				for (int a = a0; a <= a0 + grid; a += grid) {
					for (int b = b0; b <= b0 + grid; b += grid) {
						assertTrue(g.contains(a, b), "grid " + grid + ": corner " + a + ", " + b + " of " + lab[1] + ", " + lab[2]);
					}
				}
			}
			// far from sRGB
			assertFalse(g.contains(0, 130 / grid * grid));
		}
	}

	@Test
	void squareIsTheSiggraph17ClassSpace() {
		AbGamut g = AbGamut.square(10, 110);
		assertEquals(529, g.size());
		for (int a = -110; a <= 110; a += 10) {
			for (int b = -110; b <= 110; b += 10) {
				assertEquals(23 * (a + 110) / 10 + (b + 110) / 10, g.indexOf(a, b));
			}
		}
	}

	@Test
	void rejectsBadGrids() {
		assertThrows(IllegalArgumentException.class, () -> AbGamut.inGamut(0));
		assertThrows(IllegalArgumentException.class, () -> AbGamut.square(10, 15));
	}

	static int bruteForceNearest(AbGamut g, float a, float b) {
		int best = 0;
		double bestD2 = Double.POSITIVE_INFINITY;
		for (int bin = 0; bin < g.size(); bin++) {
			double da = g.a(bin) - (double) a;
			double db = g.b(bin) - (double) b;
			double d2 = da * da + db * db;
			if (d2 < bestD2) {
				best = bin;
				bestD2 = d2;
			}
		}
		return best;
	}
}
