package org.colorize.color;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The ab plane quantized on a square grid: the bins (ab centers on multiples of {@link #grid()})
 * that a classifier predicts over, in a fixed order. Immutable and thread-safe.
 *
 * <p>Bins are ordered by a, then b (the order of Zhang et al.'s {@code pts_in_hull.npy} and of the
 * SIGGRAPH17 class index {@code 23 · ia + ib}).
 */
public final class AbGamut {

	/**
	 * Zhang et al.'s 313 bins (ECCV 2016, {@code resources/pts_in_hull.npy} of
	 * github.com/richzhang/colorization, BSD-2-Clause, © Richard Zhang, Phillip Isola, Alexei Efros).
	 * The set is contiguous in b for each a, so each row is {a, lowest b, highest b}.
	 * No geometric rule we tried reproduces it exactly (see {@link #inGamut(int)}), hence the table.
	 */
	private static final int[][] ZHANG_COLUMNS = {
		{ -90, 50, 90 }, { -80, 20, 90 }, { -70, 0, 90 }, { -60, -20, 90 }, { -50, -30, 100 },
		{ -40, -40, 100 }, { -30, -50, 100 }, { -20, -50, 100 }, { -10, -60, 100 }, { 0, -70, 100 },
		{ 10, -80, 90 }, { 20, -80, 90 }, { 30, -90, 90 }, { 40, -100, 90 }, { 50, -100, 80 },
		{ 60, -110, 80 }, { 70, -110, 80 }, { 80, -110, 70 }, { 90, -110, 70 }, { 100, -90, 0 } };
	private static final int ZHANG_GRID = 10;

	/** RGB cube surface sampling for {@link #inGamut(int)}: steps per cube edge. */
	private static final int GAMUT_SAMPLES = 512;
	/** |a|, |b| of every sRGB color stay below this (max is 107.9, for blue). */
	private static final int AB_LIMIT = 130;

	private static final Map<Integer, AbGamut> IN_GAMUT = new ConcurrentHashMap<>();

	/** The name model cards give {@link #zhang()}'s bins. */
	public static final String ZHANG_313 = "zhang313";

	/** The name model cards give the SIGGRAPH17 class head's 23 × 23 bins, {@code square(10, 110)}. */
	public static final String SIGGRAPH_529 = "siggraph529";

	/** The bin sets a classifier head can be trained over, by the name model cards use. */
	private static final Map<String, Supplier<AbGamut>> NAMED = Map.of(ZHANG_313, AbGamut::zhang,
			SIGGRAPH_529, () -> SiggraphHolder.INSTANCE);

	private final int grid;
	private final int[] latticeA;
	private final int[] latticeB;
	private final float[] a;
	private final float[] b;
	private final BinLookup nearest;

	private AbGamut(int grid, int[] latticeA, int[] latticeB) {
		this.grid = grid;
		this.latticeA = latticeA;
		this.latticeB = latticeB;
		a = new float[latticeA.length];
		b = new float[latticeA.length];
		for (int bin = 0; bin < a.length; bin++) {
			a[bin] = latticeA[bin] * grid;
			b[bin] = latticeB[bin] * grid;
		}
		nearest = new BinLookup(grid, latticeA, latticeB, 1);
	}

	private static final class ZhangHolder {
		static final AbGamut INSTANCE = zhangBins();
	}

	private static final class SiggraphHolder {
		static final AbGamut INSTANCE = square(10, 110);
	}

	/** Zhang et al.'s Q = 313 bins on grid 10, in their released order. */
	public static AbGamut zhang() {
		return ZhangHolder.INSTANCE;
	}

	/**
	 * The bin set called {@code name} in model cards: {@value #ZHANG_313} or {@value #SIGGRAPH_529}.
	 *
	 * @throws IllegalArgumentException for a name no bin set has, naming the known ones
	 */
	public static AbGamut named(String name) {
		Supplier<AbGamut> bins = NAMED.get(name);
		if (bins == null) {
			throw new IllegalArgumentException("unknown ab bin set '" + name + "' (known: " + String.join(", ", names()) + ")");
		}
		return bins.get();
	}

	/** The names {@link #named(String)} knows, sorted. */
	public static Set<String> names() {
		return new TreeSet<>(NAMED.keySet());
	}

	private static AbGamut zhangBins() {
		List<int[]> bins = new ArrayList<>();
		for (int[] column : ZHANG_COLUMNS) {
			for (int bValue = column[1]; bValue <= column[2]; bValue += ZHANG_GRID) {
				bins.add(new int[] { column[0] / ZHANG_GRID, bValue / ZHANG_GRID });
			}
		}
		return fromLattice(ZHANG_GRID, bins);
	}

	/**
	 * The bins of grid {@code grid} (1..128) that some sRGB color needs: bin (a, b) is kept iff some
	 * color of the sRGB gamut, at any lightness, has |a' − a| &lt; grid and |b' − b| &lt; grid, i.e. the
	 * bin is one of the four lattice points around that color (the bins that bilinear interpolation
	 * or a soft encoding touch). The gamut's ab footprint is that of the RGB cube's surface (the map
	 * from the cube to ab has full rank inside), sampled at 512 steps per edge.
	 *
	 * <p>For grid 10 this gives 309 bins, all of them among Zhang's 313; Zhang's set also has
	 * (40, 90), (100, −90), (100, −10) and (100, 0), which lie 13–15 ab units from every sRGB color.
	 * Results are cached.
	 */
	public static AbGamut inGamut(int grid) {
		if (grid < 1 || grid > 128) {
			throw new IllegalArgumentException("grid must be in 1..128, got " + grid);
		}
		return IN_GAMUT.computeIfAbsent(grid, AbGamut::computeInGamut);
	}

	/**
	 * Every lattice point with |a|, |b| &le; {@code extent}, in a-then-b order: bin
	 * {@code (2n + 1) · (a + extent)/grid + (b + extent)/grid} with {@code n = extent/grid}.
	 * {@code square(10, 110)} is the 529-class (23 × 23) ab space of the SIGGRAPH17 network.
	 */
	public static AbGamut square(int grid, int extent) {
		if (grid < 1 || extent < 0 || extent % grid != 0) {
			throw new IllegalArgumentException("need grid >= 1 and extent a multiple of grid, got " + grid + ", " + extent);
		}
		int n = extent / grid;
		List<int[]> bins = new ArrayList<>();
		for (int i = -n; i <= n; i++) {
			for (int j = -n; j <= n; j++) {
				bins.add(new int[] { i, j });
			}
		}
		return fromLattice(grid, bins);
	}

	private static AbGamut computeInGamut(int grid) {
		int half = AB_LIMIT / grid + 2;
		int side = 2 * half + 1;
		boolean[] kept = new boolean[side * side];
		double[] linear = new double[GAMUT_SAMPLES + 1];
		for (int s = 0; s <= GAMUT_SAMPLES; s++) {
			linear[s] = SrgbTransfer.decode((double) s / GAMUT_SAMPLES);
		}
		double[] lab = new double[3];
		double[] rgb = new double[3];
		for (int axis = 0; axis < 3; axis++) {
			for (int face = 0; face <= GAMUT_SAMPLES; face += GAMUT_SAMPLES) {
				for (int u = 0; u <= GAMUT_SAMPLES; u++) {
					for (int v = 0; v <= GAMUT_SAMPLES; v++) {
						rgb[axis] = linear[face];
						rgb[(axis + 1) % 3] = linear[u];
						rgb[(axis + 2) % 3] = linear[v];
						Lab.fromLinearSrgb(rgb[0], rgb[1], rgb[2], lab);
						markSurrounding(lab[1] / grid, lab[2] / grid, half, side, kept);
					}
				}
			}
		}
		List<int[]> bins = new ArrayList<>();
		for (int i = 0; i < side; i++) {
			for (int j = 0; j < side; j++) {
				if (kept[i * side + j]) {
					bins.add(new int[] { i - half, j - half });
				}
			}
		}
		return fromLattice(grid, bins);
	}

	/** Marks the lattice points less than one cell away in both a and b from (a, b), in cells. */
	private static void markSurrounding(double a, double b, int half, int side, boolean[] kept) {
		int a0 = (int) Math.floor(a);
		int b0 = (int) Math.floor(b);
		for (int i = a0; i <= a0 + 1; i++) {
			if (Math.abs(a - i) >= 1) {
				continue;
			}
			for (int j = b0; j <= b0 + 1; j++) {
				if (Math.abs(b - j) < 1) {
					kept[(i + half) * side + j + half] = true;
				}
			}
		}
	}

	private static AbGamut fromLattice(int grid, List<int[]> bins) {
		int[] ia = new int[bins.size()];
		int[] ib = new int[bins.size()];
		for (int bin = 0; bin < ia.length; bin++) {
			ia[bin] = bins.get(bin)[0];
			ib[bin] = bins.get(bin)[1];
		}
		return new AbGamut(grid, ia, ib);
	}

	/** Number of bins, Q. */
	public int size() {
		return a.length;
	}

	/** Spacing of the bin centers in ab units. */
	public int grid() {
		return grid;
	}

	/** a of bin {@code bin}'s center. */
	public float a(int bin) {
		return a[bin];
	}

	/** b of bin {@code bin}'s center. */
	public float b(int bin) {
		return b[bin];
	}

	/** All bin centers as {a0, b0, a1, b1, …} (a Q × 2 table, like {@code pts_in_hull.npy}); a copy. */
	public float[] centers() {
		float[] centers = new float[2 * a.length];
		for (int bin = 0; bin < a.length; bin++) {
			centers[2 * bin] = a[bin];
			centers[2 * bin + 1] = b[bin];
		}
		return centers;
	}

	/** The bin centered at (a, b), or -1 if there is none. */
	public int indexOf(int a, int b) {
		if (a % grid != 0 || b % grid != 0) {
			return -1;
		}
		int c = nearest.cell(a, b);
		return c < 0 ? -1 : Math.max(-1, nearest.binAtCell(c));
	}

	/** Whether a bin is centered at (a, b). */
	public boolean contains(int a, int b) {
		return indexOf(a, b) >= 0;
	}

	/**
	 * The bin whose center is nearest to (a, b) (Euclidean). Points at exactly equal distance from
	 * two bins go to either one. Constant time for in-gamut points.
	 *
	 * @throws IllegalArgumentException if a or b is NaN
	 */
	public int nearest(float a, float b) {
		int c = nearest.cell(a, b);
		if (c >= 0 && nearest.binAtCell(c) >= 0) {
			return nearest.binAtCell(c);
		}
		int[] list = nearest.list(c);
		int best = -1;
		double bestD2 = Double.POSITIVE_INFINITY;
		for (int p = nearest.from(c), end = nearest.to(c); p < end; p++) {
			int bin = list[p];
			double d2 = distance2(bin, a, b);
			if (d2 < bestD2 || best < 0 || (d2 == bestD2 && bin < best)) {
				best = bin;
				bestD2 = d2;
			}
		}
		return best;
	}

	/** Squared distance from bin {@code bin}'s center to (a, b). */
	double distance2(int bin, double a, double b) {
		double da = this.a[bin] - a;
		double db = this.b[bin] - b;
		return da * da + db * db;
	}

	/** A lookup of the {@code k} nearest bins. */
	BinLookup lookup(int k) {
		return k == 1 ? nearest : new BinLookup(grid, latticeA, latticeB, k);
	}

	@Override
	public String toString() {
		return "AbGamut[grid=" + grid + ", size=" + size() + "]";
	}
}
