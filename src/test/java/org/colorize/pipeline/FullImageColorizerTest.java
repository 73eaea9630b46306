package org.colorize.pipeline;

import org.colorize.ColorizeException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.colorize.color.Lab;
import org.colorize.ij.ImagePlusAdapter;
import org.colorize.image.Upsampling;
import org.colorize.runtime.DeviceChoice;
import org.colorize.model.ModelRegistry;
import org.colorize.model.TinyModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full-image colorizer on ImageJ images, through the ImageJ adapter both ways, with a real (tiny) network. */
class FullImageColorizerTest {
    private static ModelRegistry registry;
    private static FullImageColorizer colorizer;
    private static ColorizeOptions options;

    @BeforeAll
    static void model() {
        registry = new ModelRegistry(List.of(TinyModels.root()));
        colorizer = new FullImageColorizer(registry);
        options = new ColorizeOptions(TinyModels.regression().toString(), DeviceChoice.CPU, Upsampling.BILINEAR, Double.NaN);
    }

    @AfterAll
    static void close() {
        registry.close();
    }

    private static ColorizeResult colorize(ImagePlus imp, ColorizeOptions o) throws ColorizeException {
        return colorizer.colorize(ImagePlusAdapter.toSource(imp), o, ColorizeContext.defaults());
    }

    private static ImagePlus image(ColorizeResult result) {
        return ImagePlusAdapter.toImagePlus(result.first());
    }

    @Test
    void eightBitGrayBecomesFullSizeRgbThatKeepsItsLightness() throws Exception {
        ImagePlus gray = TestImages.gray8("scene.png", 301, 197);
        Calibration cal = gray.getCalibration();
        cal.pixelWidth = 0.5;
        cal.setUnit("mm");
        byte[] before = ((byte[]) gray.getProcessor().getPixels()).clone();

        ColorizeResult result = colorize(gray, options);
        ImagePlus out = image(result);

        assertArrayEquals(before, (byte[]) gray.getProcessor().getPixels(), "the source is never modified");
        assertEquals(ImagePlus.COLOR_RGB, out.getType());
        assertEquals(301, out.getWidth());
        assertEquals(197, out.getHeight());
        assertEquals("scene-colorized", out.getTitle());
        assertEquals(0.5, out.getCalibration().pixelWidth);
        assertEquals("mm", out.getCalibration().getUnit());
        int[] rgb = (int[]) out.getProcessor().getPixels();
        double[] lab = new double[3];
        double worst = 0, chroma = 0;
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i];
            Lab.fromSrgb(((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0, lab);
            double expected = Lab.lightnessOfGray((before[i] & 0xff) / 255.0);
            worst = Math.max(worst, Math.abs(lab[0] - expected));
            chroma = Math.max(chroma, Math.hypot(lab[1], lab[2]));
        }
        assertTrue(worst <= 1.0, "output L differs from input L by " + worst + " units");
        assertTrue(chroma > 5, "the output has color (max chroma " + chroma + ")");
    }

    @Test
    void guidedUpsamplingAlsoKeepsLightness() throws Exception {
        ImagePlus gray = TestImages.gray8("g", 512, 300);
        ColorizeOptions guided = new ColorizeOptions(options.model(), DeviceChoice.CPU, Upsampling.GUIDED, Double.NaN);
        ImagePlus out = image(colorize(gray, guided));
        int[] rgb = (int[]) out.getProcessor().getPixels();
        byte[] src = (byte[]) gray.getProcessor().getPixels();
        double[] lab = new double[3];
        double worst = 0;
        for (int i = 0; i < rgb.length; i++) {
            int c = rgb[i];
            Lab.fromSrgb(((c >> 16) & 0xff) / 255.0, ((c >> 8) & 0xff) / 255.0, (c & 0xff) / 255.0, lab);
            worst = Math.max(worst, Math.abs(lab[0] - Lab.lightnessOfGray((src[i] & 0xff) / 255.0)));
        }
        assertTrue(worst <= 1.0, "guided output L differs by " + worst);
    }

    @Test
    void outputCarriesProvenance() throws Exception {
        ImagePlus out = image(colorize(TestImages.gray8("p", 64, 64), options));
        String info = ImagePlusAdapter.provenance(out);
        assertTrue(info.contains("AI-inferred color"), info);
        assertTrue(info.contains("Model: tiny-regression") && info.contains("Model version: 0.0.1-test"), info);
        assertTrue(info.contains("device=cpu") && info.contains("upsample=bilinear"), info);
        assertEquals("tiny-regression", out.getProp("Colorize-Model"));
    }

    @Test
    void sixteenBitBecomesThreeSixteenBitChannelsOnTheSameRange() throws Exception {
        ImagePlus gray = TestImages.gray16("g16", 120, 90);
        ImagePlus out = image(colorize(gray, options));
        assertTrue(out instanceof CompositeImage, "a 3-channel composite");
        assertEquals(3, out.getNChannels());
        assertEquals(16, out.getBitDepth());
        short[] r = (short[]) out.getStack().getPixels(1);
        int max = 0;
        for (short v : r) max = Math.max(max, v & 0xffff);
        assertTrue(max <= 4000 + 1 && max > 1000, "channels stay on the input's data range, max " + max);
    }

    @Test
    void thirtyTwoBitWithNaNIsRefusedWithThePosition() {
        ImagePlus gray = TestImages.gray32("nan", 40, 30);
        ((FloatProcessor) gray.getProcessor()).setf(7, 3, Float.NaN);
        ColorizeException e = assertThrows(ColorizeException.class, () -> colorize(gray, options));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("x=7, y=3"), e.getMessage());
    }

    @Test
    void thirtyTwoBitBecomesFloatChannels() throws Exception {
        ImagePlus out = image(colorize(TestImages.gray32("f", 50, 40), options));
        assertEquals(32, out.getBitDepth());
        assertEquals(3, out.getNChannels());
    }

    @Test
    void rgbInputIsColorizedFromItsLightnessWithAWarning() throws Exception {
        ColorizeResult result = colorize(TestImages.rgb("rgb", 80, 60), options);
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("RGB")), result.warnings().toString());
        assertEquals(ImagePlus.COLOR_RGB, image(result).getType());
    }

    @Test
    void stackSlicesAreEachColorizedAndABlankSliceStaysGray() throws Exception {
        ImagePlus stack = TestImages.stack8("stack", 64, 48, 3, 2);
        ColorizeResult result = colorize(stack, options);
        assertEquals(3, image(result).getStackSize());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("Slice 2")), result.warnings().toString());
        int[] blank = (int[]) image(result).getStack().getPixels(2);
        for (int c : blank) assertEquals(0xff000000, c, "the blank slice stays black");
        assertEquals("slice3", image(result).getStack().getSliceLabel(3));
    }

    @Test
    void virtualStackIsReadSliceBySlice(@TempDir Path dir) throws Exception {
        for (int i = 1; i <= 2; i++) new FileSaver(TestImages.gray8("v" + i, 40, 32)).saveAsTiff(dir.resolve("v" + i + ".tif").toString());
        VirtualStack virtual = new VirtualStack(40, 32, null, dir.toString() + "/");
        virtual.addSlice("v1.tif");
        virtual.addSlice("v2.tif");
        ImagePlus imp = new ImagePlus("virtual", virtual);
        ImagePlus out = image(colorize(imp, options));
        assertEquals(2, out.getStackSize());
        assertTrue(Files.exists(dir.resolve("v1.tif")), "the virtual stack's files are untouched");
    }

    @Test
    void badInputsEachGetAMessageNamingTheProblem() {
        assertMessage(new ImagePlus("one", new ByteProcessor(1, 1)), "1×1");
        assertMessage(new ImagePlus("line", new ByteProcessor(1, 100000)), "1×100000");
        assertMessage(new ImagePlus("strip", new ByteProcessor(20, 1000)), "aspect ratio");
        assertMessage(new ImagePlus("black", new ByteProcessor(64, 64)), "uniform");
        ByteProcessor white = new ByteProcessor(64, 64);
        white.setColor(255);
        white.fill();
        assertMessage(new ImagePlus("white", white), "uniform");
        ImageStack channels = new ImageStack(32, 32);
        channels.addSlice(TestImages.gray8("a", 32, 32).getProcessor());
        channels.addSlice(TestImages.gray8("b", 32, 32).getProcessor());
        ImagePlus twoChannels = new ImagePlus("channels", channels);
        twoChannels.setDimensions(2, 1, 1);
        assertMessage(twoChannels, "2 channels");
        assertThrows(ColorizeException.class, () -> colorize(null, options));
    }

    @Test
    void missingModelIsAClearError() {
        ColorizeOptions missing = options.withModel("no-such-model");
        ColorizeException e = assertThrows(ColorizeException.class,
                () -> colorize(TestImages.gray8("m", 32, 32), missing));
        assertTrue(e.getMessage().contains("'no-such-model' not found"), e.getMessage());
    }

    private static void assertMessage(ImagePlus imp, String expected) {
        ColorizeException e = assertThrows(ColorizeException.class, () -> colorize(imp, options));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
