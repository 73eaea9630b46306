package org.colorize.io;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.io.FileSaver;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.colorize.pipeline.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole files pass; every cut of them, and a flipped byte in a PNG, is named. */
class CompleteFileTest {

    private static void wholeAndCut(Path whole, Path dir) throws Exception {
        assertNull(CompleteFile.problem(whole), whole.getFileName() + " is whole");
        for (double f : new double[] {0.3, 0.6, 0.9, 0.99}) {
            Path cut = BadInputs.truncated(whole, dir.resolve("cut-" + f + "-" + whole.getFileName()), f);
            String problem = CompleteFile.problem(cut);
            assertTrue(problem != null && problem.contains("truncated"), whole.getFileName() + " cut at " + f + ": " + problem);
        }
    }

    @Test
    void everyFormatWholeAndCut(@TempDir Path dir) throws Exception {
        wholeAndCut(BadInputs.jpeg(dir.resolve("a.jpg"), 200, 150), dir);
        wholeAndCut(BadInputs.png(dir.resolve("a.png"), 200, 150), dir);
        wholeAndCut(BadInputs.tiff(dir.resolve("a.tif"), 200, 150), dir);
        Path stack = dir.resolve("stack.tif");
        new FileSaver(TestImages.stack8("s", 120, 90, 4, 0)).saveAsTiffStack(stack.toString());
        wholeAndCut(stack, dir);
        Path gif = dir.resolve("a.gif");
        ImageIO.write(BadInputs.grayScene(200, 150), "gif", gif.toFile());
        wholeAndCut(gif, dir);
        Path bmp = dir.resolve("a.bmp");
        ImageIO.write(BadInputs.grayScene(200, 150), "bmp", bmp.toFile());
        wholeAndCut(bmp, dir);
        Path rgb48 = BadInputs.rgb48(dir.resolve("s.tif"), "tiff", 90, 60);
        wholeAndCut(rgb48, dir);
    }

    @Test
    void aProgressiveJpegIsWholeAndCut(@TempDir Path dir) throws Exception {
        Path jpg = dir.resolve("progressive.jpg");
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(javax.imageio.ImageWriteParam.MODE_DEFAULT);
        try (var out = ImageIO.createImageOutputStream(jpg.toFile())) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(BadInputs.grayScene(300, 200), null, null), param);
        } finally {
            writer.dispose();
        }
        wholeAndCut(jpg, dir);
    }

    @Test
    void aDamagedPngChunkIsNamed(@TempDir Path dir) throws Exception {
        Path png = BadInputs.png(dir.resolve("a.png"), 200, 150);
        byte[] b = Files.readAllBytes(png);
        b[b.length / 2] ^= 0x55;
        Path damaged = Files.write(dir.resolve("damaged.png"), b);
        String problem = CompleteFile.problem(damaged);
        assertTrue(problem != null && problem.contains("damaged") && problem.contains("IDAT"), problem);
    }

    @Test
    void otherFilesAreLeftToTheirDecoders(@TempDir Path dir) throws Exception {
        assertNull(CompleteFile.problem(Files.writeString(dir.resolve("notes.txt"), "not an image")));
        assertNull(CompleteFile.problem(Files.write(dir.resolve("empty.png"), new byte[0])));
    }
}
