package org.colorize.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.OvalRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.gui.TextRoi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.colorize.model.TinyModels;
import org.colorize.pipeline.TestImages;
import org.colorize.train.TinyInstanceModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line colorizing with a tiny instance-aware model: boxes from a CSV or from a RoiSet
 * saved as ImageJ's ROI Manager saves it, {@code --overlay}'s TIFF as ImageJ reads it back, and the
 * output rules for it.
 */
class InstancesCliTest {
    private static String model;
    private final CliRunner cli = new CliRunner();

    @BeforeAll
    static void model() {
        model = TinyInstanceModels.model().toString();
    }

    @Test
    void csvBoxesWithOverlayGiveAnRgbTiffWithTheBoxesAndTheirLabels(@TempDir Path dir) throws Exception {
        Path in = scene(dir);
        Path csv = Files.writeString(dir.resolve("boxes.csv"), "x1,y1,x2,y2,label,score\n10,10,60,50,left,0.9\n70,40,115,85,right,0.75\n");
        Path out = dir.resolve("out");
        assertEquals(0, cli.run(in.toString(), "-o", out.toString(), "--model", model, "--instances", "boxes=" + csv, "--overlay"), cli.err());
        assertTrue(cli.err().contains("2 boxes from " + csv), cli.err());
        assertTrue(cli.err().contains("wrote " + out.resolve("scene.png") + ", " + out.resolve("scene_instances.tif")), cli.err());
        ImagePlus overlaid = IJ.openImage(out.resolve("scene_instances.tif").toString());
        assertEquals(24, overlaid.getBitDepth());
        assertArrayEquals(pixels(IJ.openImage(out.resolve("scene.png").toString())), pixels(overlaid), "the same colors as the PNG");
        assertEquals(List.of("right 0.75", "left 0.90"), texts(overlaid.getOverlay()), "largest first");
        assertEquals(List.of(new Rectangle(70, 40, 45, 45), new Rectangle(10, 10, 50, 40)), rectangles(overlaid.getOverlay()));
        assertTrue(overlaid.getInfoProperty().contains("AI-inferred color"), "the provenance travels with it");
        try (var files = Files.list(out)) {
            assertEquals(2, files.count(), "no temporary file is left");
        }
    }

    @Test
    void roisFromARoiSetZipAreTheirBoundingBoxesNamedByTheRois(@TempDir Path dir) throws Exception {
        Path in = scene(dir);
        Roi cell = new Roi(12, 8, 40, 30);
        cell.setName("cell");
        Roi nucleus = new OvalRoi(66, 42, 44, 38);
        nucleus.setName("nucleus");
        Path zip = roiSet(dir.resolve("RoiSet.zip"), cell, nucleus);
        Path out = dir.resolve("out");
        assertEquals(0, cli.run(in.toString(), "-o", out.toString(), "--model", model, "--instances", "rois=" + zip, "--overlay"), cli.err());
        assertTrue(cli.err().contains("2 ROIs from " + zip), cli.err());
        Overlay ov = IJ.openImage(out.resolve("scene_instances.tif").toString()).getOverlay();
        assertEquals(List.of("nucleus 1.00", "cell 1.00"), texts(ov), "largest first");
        assertEquals(List.of(new Rectangle(66, 42, 44, 38), new Rectangle(12, 8, 40, 30)), rectangles(ov));

        Path single = dir.resolve("one.roi");
        assertTrue(RoiEncoder.save(new Roi(20, 20, 30, 30), single.toString()));
        assertEquals(0, cli.run(in.toString(), "-o", dir.resolve("single").toString(), "--model", model, "--instances", "rois=" + single,
                "--overlay"), cli.err());
        assertEquals(List.of("one 1.00"), texts(IJ.openImage(dir.resolve("single/scene_instances.tif").toString()).getOverlay()),
                "a ROI without a name is named after its file");

        Path notRoi = Files.writeString(dir.resolve("bad.roi"), "not a roi at all");
        cli.reset();
        assertEquals(1, cli.run(in.toString(), "-o", dir.resolve("bad").toString(), "--model", model, "--instances", "rois=" + notRoi));
        assertTrue(cli.err().contains("is not an ImageJ ROI"), cli.err());
    }

    @Test
    void maxInstancesKeepsTheLargestAndNoBoxesIsTheFullImageResultSaidOnStderr(@TempDir Path dir) throws Exception {
        Path in = scene(dir);
        Path csv = Files.writeString(dir.resolve("boxes.csv"), "10,10,60,50,big\n70,40,90,60,small\n");
        assertEquals(0, cli.run(in.toString(), "-o", dir.resolve("one").toString(), "--model", model, "--boxes", "csv:" + csv,
                "--max-instances", "1", "--overlay"), cli.err());
        assertTrue(cli.err().contains("2 boxes from " + csv + " (the same boxes for every input); the 1 largest are used"), cli.err());
        assertEquals(List.of("big 1.00"), texts(IJ.openImage(dir.resolve("one/scene_instances.tif").toString()).getOverlay()));

        cli.reset();
        assertEquals(0, cli.run(in.toString(), "-o", dir.resolve("none").toString(), "--model", model, "--instances", "none", "--overlay"),
                cli.err());
        assertTrue(cli.err().contains("scene.png: warning: No boxes found: this is the full-image result."), cli.err());
        Overlay empty = IJ.openImage(dir.resolve("none/scene_instances.tif").toString()).getOverlay();
        assertTrue(empty == null || empty.size() == 0, "no boxes drawn");
    }

    @Test
    void aSixteenBitInputGetsAnRgbOverlayImage(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("deep.tif");
        new FileSaver(TestImages.gray16("deep", 120, 90)).saveAsTiff(in.toString());
        Path csv = Files.writeString(dir.resolve("boxes.csv"), "10,10,60,50,a\n");
        Path out = dir.resolve("out");
        assertEquals(0, cli.run(in.toString(), "-o", out.toString(), "--model", model, "--instances", "boxes=" + csv, "--overlay"), cli.err());
        ImagePlus overlaid = IJ.openImage(out.resolve("deep_instances.tif").toString());
        assertEquals(24, overlaid.getBitDepth());
        assertEquals(List.of("a 1.00"), texts(overlaid.getOverlay()));
        assertTrue(Files.exists(out.resolve("deep.tif")), "the 16-bit result as before");
    }

    @Test
    void theOverlayFollowsTheOverwriteAndSkipExistingRules(@TempDir Path dir) throws Exception {
        Path in = scene(dir);
        Path csv = Files.writeString(dir.resolve("boxes.csv"), "10,10,60,50,a\n");
        Path out = Files.createDirectory(dir.resolve("out"));
        Path png = out.resolve("scene.png");
        Path overlay = out.resolve("scene_instances.tif");
        String[] args = {in.toString(), "-o", out.toString(), "--model", model, "--instances", "boxes=" + csv, "--overlay"};
        Files.writeString(overlay, "keep me");
        assertEquals(1, cli.run(args));
        assertTrue(cli.err().contains("Output " + overlay + " already exists"), cli.err());
        assertEquals("keep me", Files.readString(overlay));
        assertFalse(Files.exists(png), "nothing of the image is written");

        // An interrupted run left the overlay but not the PNG: --skip-existing writes the PNG only.
        cli.reset();
        assertEquals(0, cli.run(with(args, "--skip-existing")), cli.err());
        assertEquals("keep me", Files.readString(overlay));
        assertTrue(Files.exists(png));
        assertTrue(cli.err().contains("wrote " + png + " (kept " + overlay), cli.err());
        cli.reset();
        assertEquals(0, cli.run(with(args, "--skip-existing")), cli.err());
        assertTrue(cli.err().contains("skipped (" + png + " and " + overlay + " exist)"), cli.err());

        cli.reset();
        assertEquals(0, cli.run(with(args, "--overwrite")), cli.err());
        assertNotNull(IJ.openImage(overlay.toString()).getOverlay(), "replaced by the real overlay image");
    }

    @Test
    void instanceOptionsNeedAnInstanceAwareModelAndScoreNeedsTheDetector(@TempDir Path dir) throws Exception {
        Path in = scene(dir);
        String regression = TinyModels.regression().toString();
        for (String[] option : new String[][] {{"--score", "0.5"}, {"--max-instances", "2"}, {"--overlay"}, {"--instances", "auto"}}) {
            cli.reset();
            assertEquals(1, cli.run(with(new String[] {in.toString(), "-o", dir.resolve("o").toString(), "--model", regression}, option)));
            assertTrue(cli.err().contains(option[0] + " needs an instance-aware model"), cli.err());
        }
        cli.reset();
        assertEquals(1, cli.run(in.toString(), "-o", dir.resolve("o").toString(), "--model", model, "--instances", "particles",
                "--score", "0.5"));
        assertTrue(cli.err().contains("--score is the detector's minimum score; it does not apply to --instances particles"), cli.err());
        assertFalse(Files.exists(dir.resolve("o/scene.png")));
    }

    private static Path scene(Path dir) {
        Path in = dir.resolve("scene.png");
        new FileSaver(TestImages.gray8("scene", 120, 90)).saveAsPng(in.toString());
        return in;
    }

    /** A RoiSet as the ROI Manager saves it: a zip of NAME.roi entries encoded by ImageJ. */
    private static Path roiSet(Path zip, Roi... rois) throws IOException {
        try (OutputStream f = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(f)) {
            for (Roi r : rois) {
                z.putNextEntry(new ZipEntry(r.getName() + ".roi"));
                z.write(RoiEncoder.saveAsByteArray(r));
                z.closeEntry();
            }
        }
        return zip;
    }

    private static String[] with(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static int[] pixels(ImagePlus imp) {
        return (int[]) imp.getProcessor().convertToRGB().getPixels();
    }

    private static List<String> texts(Overlay ov) {
        List<String> out = new ArrayList<>();
        for (Roi r : ov.toArray()) if (r instanceof TextRoi t) out.add(t.getText().strip());
        return out;
    }

    private static List<Rectangle> rectangles(Overlay ov) {
        List<Rectangle> out = new ArrayList<>();
        for (Roi r : ov.toArray()) if (!(r instanceof TextRoi)) out.add(r.getBounds());
        return out;
    }
}
