package org.colorize.color;

import java.util.Arrays;

/**
 * Direct lookup of the bins nearest to an ab point, for bins on a square lattice.
 *
 * <p>Space is cut into lattice cells (the squares of side {@code grid} centered on lattice points).
 * For every cell near the bins, the table lists the bins that can be among the {@code k} nearest
 * to some point of the cell: every bin whose smallest distance to the cell is at most the
 * k-th smallest largest distance of any bin to the cell. A query then only measures those few
 * bins. Cells farther than {@link #MARGIN} cells from every bin, and points outside the table,
 * fall back to all bins (only out-of-gamut ab values get there).
 */
final class BinLookup {

	/** Cells within this Chebyshev distance (in cells) of a bin get a candidate list. */
	static final int MARGIN = 2;

	private static final int NO_BIN = -1;
	private static final int SCAN = -2;

	private final double grid;
	private final int[] binA;
	private final int[] binB;
	private final int originA;
	private final int originB;
	private final int cellsA;
	private final int cellsB;
	/** Per cell: the bin at its center, {@link #NO_BIN}, or {@link #SCAN} (no candidate list). */
	private final int[] binAt;
	private final int[] offsets;
	private final int[] candidates;
	private final int[] allBins;

	/**
	 * @param binA lattice index a/grid of each bin
	 * @param binB lattice index b/grid of each bin
	 * @param k how many nearest bins queries need
	 */
	BinLookup(int grid, int[] binA, int[] binB, int k) {
		int q = binA.length;
		if (q == 0 || binB.length != q || k < 1 || k > q) {
			throw new IllegalArgumentException("need 1 <= k <= bins, got k=" + k + " for " + q + " bins");
		}
		this.grid = grid;
		this.binA = binA.clone();
		this.binB = binB.clone();
		int minA = Arrays.stream(binA).min().getAsInt();
		int maxA = Arrays.stream(binA).max().getAsInt();
		int minB = Arrays.stream(binB).min().getAsInt();
		int maxB = Arrays.stream(binB).max().getAsInt();
		originA = minA - MARGIN;
		originB = minB - MARGIN;
		cellsA = maxA - minA + 1 + 2 * MARGIN;
		cellsB = maxB - minB + 1 + 2 * MARGIN;
		binAt = new int[cellsA * cellsB];
		Arrays.fill(binAt, SCAN);
		for (int bin = 0; bin < q; bin++) {
			for (int di = -MARGIN; di <= MARGIN; di++) {
				for (int dj = -MARGIN; dj <= MARGIN; dj++) {
					int c = cellIndex(binA[bin] + di - originA, binB[bin] + dj - originB);
					if (binAt[c] == SCAN) {
						binAt[c] = NO_BIN;
					}
				}
			}
		}
		for (int bin = 0; bin < q; bin++) {
			int c = cellIndex(binA[bin] - originA, binB[bin] - originB);
			if (binAt[c] >= 0) {
				throw new IllegalArgumentException("two bins at the same center " + binA[bin] * grid + ", " + binB[bin] * grid);
			}
			binAt[c] = bin;
		}
		allBins = new int[q];
		Arrays.setAll(allBins, i -> i);

		offsets = new int[binAt.length + 1];
		int[] list = new int[Math.max(16, binAt.length)];
		int size = 0;
		double[] smallest = new double[k];
		for (int c = 0; c < binAt.length; c++) {
			offsets[c] = size;
			if (binAt[c] == SCAN) {
				continue;
			}
			int i = c % cellsA;
			int j = c / cellsA;
			double bound = kthSmallestFarDistance(i, j, k, smallest);
			int radius = (int) Math.floor(Math.sqrt(bound) + 0.5);
			for (int di = -radius; di <= radius; di++) {
				for (int dj = -radius; dj <= radius; dj++) {
					int bin = binAtLattice(i + di, j + dj);
					if (bin >= 0 && nearDistance2(di, dj) <= bound) {
						if (size == list.length) {
							list = Arrays.copyOf(list, 2 * size);
						}
						list[size++] = bin;
					}
				}
			}
		}
		offsets[binAt.length] = size;
		candidates = Arrays.copyOf(list, size);
	}

	/**
	 * An upper bound (in squared cells) on the k-th smallest, over bins, largest distance from a bin
	 * to cell (i, j): search rings around the cell until k bins are seen.
	 */
	private double kthSmallestFarDistance(int i, int j, int k, double[] smallest) {
		Arrays.fill(smallest, Double.POSITIVE_INFINITY);
		int seen = 0;
		for (int r = 0; seen < k; r++) {
			for (int di = -r; di <= r; di++) {
				for (int dj = -r; dj <= r; dj++) {
					if (Math.max(Math.abs(di), Math.abs(dj)) != r || binAtLattice(i + di, j + dj) < 0) {
						continue;
					}
					seen++;
					double far = farDistance2(di, dj);
					// keep the k smallest, sorted ascending
					int p = k - 1;
					if (far < smallest[p]) {
						while (p > 0 && smallest[p - 1] > far) {
							smallest[p] = smallest[p - 1];
							p--;
						}
						smallest[p] = far;
					}
				}
			}
		}
		return smallest[k - 1];
	}

	/** Squared smallest distance, in cells, from a lattice point offset (di, dj) to the cell. */
	private static double nearDistance2(int di, int dj) {
		double x = Math.max(0, Math.abs(di) - 0.5);
		double y = Math.max(0, Math.abs(dj) - 0.5);
		return x * x + y * y;
	}

	/** Squared largest distance, in cells, from a lattice point offset (di, dj) to the cell. */
	private static double farDistance2(int di, int dj) {
		double x = Math.abs(di) + 0.5;
		double y = Math.abs(dj) + 0.5;
		return x * x + y * y;
	}

	private int cellIndex(int i, int j) {
		return i + cellsA * j;
	}

	/** The bin at table lattice coordinates (i, j), or a negative number. */
	private int binAtLattice(int i, int j) {
		if (i < 0 || j < 0 || i >= cellsA || j >= cellsB) {
			return NO_BIN;
		}
		return binAt[cellIndex(i, j)];
	}

	/** The table cell holding (a, b), or -1 when the point is outside the table or has no candidate list. */
	int cell(float a, float b) {
		if (Float.isNaN(a) || Float.isNaN(b)) {
			throw new IllegalArgumentException("ab is NaN");
		}
		double i = Math.floor(a / grid + 0.5) - originA;
		double j = Math.floor(b / grid + 0.5) - originB;
		if (i < 0 || j < 0 || i >= cellsA || j >= cellsB) {
			return -1;
		}
		int c = cellIndex((int) i, (int) j);
		return binAt[c] == SCAN ? -1 : c;
	}

	/** The bin centered in cell {@code c}, or a negative number. */
	int binAtCell(int c) {
		return binAt[c];
	}

	/** The candidate list of cell {@code c} (or all bins for {@code c = -1}) is {@code list()[from(c) .. to(c))}. */
	int[] list(int c) {
		return c < 0 ? allBins : candidates;
	}

	int from(int c) {
		return c < 0 ? 0 : offsets[c];
	}

	int to(int c) {
		return c < 0 ? allBins.length : offsets[c + 1];
	}
}
