package org.colorize.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class ColorImagesTest {

	@Test
	void roundTripsEightBitColors() {
		// every 5th level per channel: 52³ colors laid out as a 2704 × 52 image
		int levels = 52;
		int[] pixels = new int[levels * levels * levels];
		for (int i = 0; i < pixels.length; i++) {
			int r = Math.min(255, 5 * (i % levels));
			int g = Math.min(255, 5 * (i / levels % levels));
			int b = Math.min(255, 5 * (i / levels / levels));
			pixels[i] = 0xff000000 | r << 16 | g << 8 | b;
		}
		ArrayImg<ARGBType, IntArray> rgb = ArrayImgs.argbs(pixels.clone(), levels * levels, levels);
		Img<ARGBType> back = ColorImages.fromLab(ColorImages.toLab(rgb));
		assertArrayEquals(pixels, ((IntArray) ((ArrayImg<?, ?>) back).update(null)).getCurrentStorageArray());
	}

	@Test
	void labChannelsMatchPerColorConversion() {
		Random random = new Random(4);
		int w = 13;
		int h = 7;
		ArrayImg<ARGBType, IntArray> rgb = ArrayImgs.argbs(w, h);
		for (ARGBType p : rgb) {
			p.set(random.nextInt());
		}
		Img<FloatType> lab = ColorImages.toLab(rgb);
		Img<FloatType> lightness = ColorImages.lightness(rgb);
		assertArrayEquals(new long[] { w, h, 3 }, lab.dimensionsAsLongArray());
		RandomAccess<FloatType> labAccess = lab.randomAccess();
		RandomAccess<FloatType> lAccess = lightness.randomAccess();
		Cursor<ARGBType> cursor = rgb.localizingCursor();
		double[] expected = new double[3];
		while (cursor.hasNext()) {
			int v = cursor.next().get();
			Lab.fromSrgb(ARGBType.red(v) / 255.0, ARGBType.green(v) / 255.0, ARGBType.blue(v) / 255.0, expected);
			for (int c = 0; c < 3; c++) {
				labAccess.setPosition(new long[] { cursor.getLongPosition(0), cursor.getLongPosition(1), c });
				assertEquals(expected[c], labAccess.get().get(), 1e-4);
			}
			lAccess.setPosition(cursor);
			assertEquals(expected[0], lAccess.get().get(), 1e-4);
		}
	}

	@Test
	void acceptsViewsWithAnOffsetOrigin() {
		ArrayImg<ARGBType, IntArray> rgb = ArrayImgs.argbs(new int[] { 0xffff0000, 0xff00ff00, 0xff0000ff, 0xff808080 }, 2, 2);
		Img<FloatType> lab = ColorImages.toLab(Views.translate(rgb, 5, -3));
		Img<ARGBType> back = ColorImages.fromLab(Views.translate(lab, 1, 2, 3));
		assertArrayEquals(new int[] { 0xffff0000, 0xff00ff00, 0xff0000ff, 0xff808080 },
				((IntArray) ((ArrayImg<?, ?>) back).update(null)).getCurrentStorageArray());
	}

	@Test
	void fromLabClampsOutOfGamutColors() {
		// L 50, a 0, b -120: far too blue; red goes negative, blue above 1
		Img<FloatType> lab = ArrayImgs.floats(new float[] { 50, 0, -120 }, 1, 1, 3);
		int v = ColorImages.fromLab(lab).firstElement().get();
		assertEquals(0xff, ARGBType.alpha(v));
		assertEquals(0, ARGBType.red(v));
		assertEquals(255, ARGBType.blue(v));
	}

	@Test
	void rejectsWrongShapes() {
		assertThrows(IllegalArgumentException.class, () -> ColorImages.toLab(ArrayImgs.argbs(2, 2, 2)));
		assertThrows(IllegalArgumentException.class, () -> ColorImages.fromLab(ArrayImgs.floats(2, 2)));
		assertThrows(IllegalArgumentException.class, () -> ColorImages.fromLab(ArrayImgs.floats(2, 2, 4)));
	}
}
