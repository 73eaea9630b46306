package org.colorize.ij;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import java.nio.file.Path;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import org.colorize.image.ImageMetadata;
import org.colorize.pipeline.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePlusAdapterTest {

    @Test
    void wrappingSharesThePixelArraysBothWays() {
        ByteProcessor bp = new ByteProcessor(5, 4);
        @SuppressWarnings("unchecked")
        ArrayImg<UnsignedByteType, ?> img = (ArrayImg<UnsignedByteType, ?>) ImagePlusImgs.wrap(bp);
        img.randomAccess().setPositionAndGet(2, 3).set(200);
        assertEquals(200, bp.get(2, 3), "a write through ImgLib2 shows in ImageJ");
        assertSame(bp.getPixels(), ImagePlusImgs.storage(img));
        ImageProcessor back = ImagePlusImgs.toProcessor(img);
        assertSame(bp.getPixels(), back.getPixels());
        for (ImageProcessor ip : new ImageProcessor[] {new ShortProcessor(3, 3), new FloatProcessor(3, 3), new ColorProcessor(3, 3)}) {
            assertSame(ip.getPixels(), ImagePlusImgs.storage(ImagePlusImgs.wrap(ip)));
        }
        ImageStack stack = new ImageStack(5, 4);
        stack.addSlice(bp);
        stack.addSlice(new ByteProcessor(5, 4));
        RandomAccessibleInterval<?> view = ImagePlusImgs.wrap(new ImagePlus("s", stack));
        assertEquals(3, view.numDimensions());
        assertEquals(2, view.dimension(2));
        assertTrue(view instanceof PlanarImg<?, ?>, "a stack is a PlanarImg over its own arrays");
        assertSame(stack.getPixels(2), ((PlanarImg<?, ?>) view).getPlane(1).getCurrentStorageArray());
    }

    @Test
    void metadataCarriesTitleCalibrationLayoutAndSource(@TempDir Path dir) {
        ImagePlus stack = TestImages.stack8("cells.tif", 16, 12, 6, 0);
        stack.setDimensions(1, 3, 2);
        Calibration cal = stack.getCalibration();
        cal.pixelWidth = 0.25;
        cal.pixelHeight = 0.5;
        cal.setUnit("µm");
        cal.frameInterval = 2;
        ImageMetadata m = ImagePlusAdapter.metadata(stack);
        assertEquals("cells.tif", m.title());
        assertEquals("cells", m.shortTitle());
        assertEquals(0.25, m.calibration().pixelWidth());
        assertEquals("µm", m.calibration().unit());
        assertEquals(2.0, m.calibration().frameInterval());
        assertEquals(3, m.slices());
        assertEquals(2, m.frames());
        assertEquals("slice4", m.sliceLabel(3));
    }

    @Test
    void aVirtualStackIsReadPlaneByPlane(@TempDir Path dir) {
        for (int i = 1; i <= 3; i++) new FileSaver(TestImages.gray8("v" + i, 20, 10)).saveAsTiff(dir.resolve("v" + i + ".tif").toString());
        VirtualStack virtual = new VirtualStack(20, 10, null, dir + "/");
        for (int i = 1; i <= 3; i++) virtual.addSlice("v" + i + ".tif");
        PlanarImg<?, ?> img = (PlanarImg<?, ?>) ImagePlusImgs.wrap(new ImagePlus("virtual", virtual));
        Object first = img.getPlane(0).getCurrentStorageArray();
        assertSame(first, img.getPlane(0).getCurrentStorageArray(), "the plane read last is kept");
        assertEquals(200, ((byte[]) img.getPlane(2).getCurrentStorageArray()).length);
        assertTrue(first != img.getPlane(0).getCurrentStorageArray(), "only one plane is held: plane 1 was read again");
    }
}
