package org.colorize.color;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * Whole-image color conversions between 8-bit sRGB ({@link ARGBType}, alpha ignored) and
 * L*a*b* float images with the channel as the last dimension. Results are new array images with
 * origin 0; inputs may be any views, iterated in flat (x fastest) order.
 */
public final class ColorImages {

	private ColorImages() {}

	/** (w, h) 8-bit sRGB → (w, h, 3) float image of L (0..100), a, b. */
	public static Img<FloatType> toLab(RandomAccessibleInterval<ARGBType> rgb) {
		int n = pixels(rgb, 2, "rgb");
		float[] data = new float[3 * n];
		double[] lab = new double[3];
		Cursor<ARGBType> cursor = Views.flatIterable(rgb).cursor();
		for (int i = 0; i < n; i++) {
			int v = cursor.next().get();
			Lab.fromLinearSrgb(SrgbTransfer.decodeByte((v >> 16) & 0xff), SrgbTransfer.decodeByte((v >> 8) & 0xff),
					SrgbTransfer.decodeByte(v & 0xff), lab);
			data[i] = (float) lab[0];
			data[n + i] = (float) lab[1];
			data[2 * n + i] = (float) lab[2];
		}
		return ArrayImgs.floats(data, rgb.dimension(0), rgb.dimension(1), 3);
	}

	/** (w, h) 8-bit sRGB → (w, h) float image of L (0..100). */
	public static Img<FloatType> lightness(RandomAccessibleInterval<ARGBType> rgb) {
		int n = pixels(rgb, 2, "rgb");
		double[] m = Lab.rgbToXyzMatrix();
		float[] data = new float[n];
		Cursor<ARGBType> cursor = Views.flatIterable(rgb).cursor();
		for (int i = 0; i < n; i++) {
			int v = cursor.next().get();
			double y = m[3] * SrgbTransfer.decodeByte((v >> 16) & 0xff) + m[4] * SrgbTransfer.decodeByte((v >> 8) & 0xff)
					+ m[5] * SrgbTransfer.decodeByte(v & 0xff);
			data[i] = (float) Lab.lightnessOfLuminance(y);
		}
		return ArrayImgs.floats(data, rgb.dimension(0), rgb.dimension(1));
	}

	/**
	 * (w, h, 3) float image of L, a, b → (w, h) 8-bit sRGB, opaque. Out-of-gamut colors are clamped
	 * per channel; values are rounded to the nearest code.
	 */
	public static Img<ARGBType> fromLab(RandomAccessibleInterval<FloatType> lab) {
		int n = pixels(lab, 3, "lab");
		if (lab.dimension(2) != 3) {
			throw new IllegalArgumentException("lab needs 3 channels in dimension 2, has " + lab.dimension(2));
		}
		long channel0 = lab.min(2);
		Cursor<FloatType> lCursor = Views.flatIterable(Views.hyperSlice(lab, 2, channel0)).cursor();
		Cursor<FloatType> aCursor = Views.flatIterable(Views.hyperSlice(lab, 2, channel0 + 1)).cursor();
		Cursor<FloatType> bCursor = Views.flatIterable(Views.hyperSlice(lab, 2, channel0 + 2)).cursor();
		int[] data = new int[n];
		double[] rgb = new double[3];
		for (int i = 0; i < n; i++) {
			Lab.toLinearSrgb(lCursor.next().get(), aCursor.next().get(), bCursor.next().get(), rgb);
			data[i] = 0xff000000 | SrgbTransfer.encodeToByte(rgb[0]) << 16 | SrgbTransfer.encodeToByte(rgb[1]) << 8
					| SrgbTransfer.encodeToByte(rgb[2]);
		}
		return ArrayImgs.argbs(data, lab.dimension(0), lab.dimension(1));
	}

	/** Pixels per plane of a {@code dims}-dimensional image, checked to fit one array of 3 planes. */
	private static int pixels(RandomAccessibleInterval<?> image, int dims, String name) {
		if (image.numDimensions() != dims) {
			throw new IllegalArgumentException(name + " must have " + dims + " dimensions, has " + image.numDimensions());
		}
		long n = image.dimension(0) * image.dimension(1);
		if (3 * n > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(name + " is too large for one array: " + n + " pixels");
		}
		return (int) n;
	}
}
