package org.colorize.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.colorize.detect.Box;
import org.colorize.model.ModelRegistry;
import org.colorize.pipeline.ColorizeOptions;
import org.colorize.pipeline.Colorizers;
import org.colorize.pipeline.InstanceAwareColorizer;
import org.colorize.train.TinyInstanceModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instance cost benchmark on a tiny exported model: every case times, the ratios are over k = 0, the boxes tile the image. */
class InstanceCostBenchmarkTest {
    @Test
    void theBoxesTileTheImageFourToARow() {
        List<Box> boxes = InstanceCostBenchmark.tiles(8, 200, 100);
        assertEquals(8, boxes.size());
        double area = 0;
        for (Box b : boxes) {
            assertTrue(b.x1() >= 0 && b.y1() >= 0 && b.x2() <= 200 && b.y2() <= 100, b.toString());
            area += b.width() * b.height();
        }
        assertEquals(200 * 100, area, 1e-9, "eight quarter-by-half boxes cover the image once");
        assertEquals(1, InstanceCostBenchmark.tiles(1, 200, 100).size());
    }

    @Test
    void itTimesEachCaseAndReportsRatiosAndBars(@TempDir Path dir) throws Exception {
        BufferedImage rgb = new BufferedImage(80, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) for (int x = 0; x < 80; x++) rgb.setRGB(x, y, (x * 3) << 16 | (y * 4) << 8 | 90);
        Path image = dir.resolve("rgb.png");
        ImageIO.write(rgb, "png", image.toFile());
        try (ModelRegistry registry = new ModelRegistry(List.of(TinyInstanceModels.root()))) {
            InstanceAwareColorizer base = (InstanceAwareColorizer) Colorizers.forModel(registry, TinyInstanceModels.NAME);
            InstanceCostBenchmark.Costs costs = InstanceCostBenchmark.measure(base,
                    ColorizeOptions.defaults().withModel(TinyInstanceModels.NAME), image, 3);
            assertEquals(80, costs.width());
            assertEquals(4, costs.seconds().length);
            for (int i = 0; i < 4; i++) {
                assertTrue(costs.seconds()[i] > 0 && costs.networkSeconds()[i] > 0, "case " + i);
                assertTrue(costs.networkSeconds()[i] <= costs.seconds()[i] * 3, "network time is part of the whole");
            }
            for (double r : costs.ratios()) assertTrue(r > 0 && Double.isFinite(r), "ratio " + r);
            JsonObject json = costs.json("rgb.png");
            assertEquals(1.35, json.get("bar_k1").getAsDouble(), 1e-9);
            assertEquals(3.8, json.get("bar_k8").getAsDouble(), 1e-9);
            assertEquals(costs.ratios()[1], json.get("ratio_k4").getAsDouble(), 0.005);
        }
    }

    @Test
    void badUsageAndMissingImagesAreSaid() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true);
        assertEquals(2, InstanceCostBenchmark.run(new String[] {"--rounds", "0"}, System.out, e));
        assertEquals(1, InstanceCostBenchmark.run(new String[] {"--image", "no/such.png"}, System.out, e));
        assertTrue(err.toString().contains("no image no/such.png"), err.toString());
    }
}
