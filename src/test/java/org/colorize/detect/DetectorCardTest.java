package org.colorize.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.colorize.ColorizeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectorCardTest {
    @TempDir
    Path dir;

    @Test
    void writtenCardReadsBackTheSame() throws Exception {
        DetectorCard card = new DetectorCard("d", "v1", "arch", "MIT",
                new DetectorCard.Source("npm", "@a/b", "1.0", Map.of("models/x.json", "00ff"), "gen", "conv"),
                CocoLabels.LABELS,
                new DetectorCard.Tensor("image", new long[] {1, 512, 512, 3}, "float32", "rgb_0_255", 0, "in"),
                List.of(new DetectorCard.Tensor("features_s8", new long[] {1, 64, 64, 96}, "float32", "features", 8, "n8"),
                        new DetectorCard.Tensor("features_s4", new long[] {1, 128, 128, 72}, "float32", "features", 4, "n4")));
        DetectorCardWriter.write(card, dir);
        String json = Files.readString(dir.resolve("model.json"));
        assertEquals(true, json.contains("\"schema\": 2") && json.contains("\"kind\": \"detector\"")
                && json.contains("\"role\": \"detector\""), json);
        DetectorCard read = DetectorCard.read(dir);
        assertEquals(card, read);
        assertEquals(List.of(4, 8), read.taps().stream().map(DetectorCard.Tensor::stride).toList());
    }

    @Test
    void committedCardDescribesTheConvertedModel() throws Exception {
        DetectorCard card = DetectorCard.read(DetectorTest.MODEL);
        assertEquals(80, card.labels().size());
        assertEquals("person", card.labels().get(0));
        assertEquals("motorcycle", card.labels().get(3));
        assertEquals("bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05",
                card.source().sha256().get("models/centernet.json"));
        assertEquals("1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef",
                card.source().sha256().get("models/centernet.bin"));
        assertEquals(List.of(4, 8, 16, 32), card.taps().stream().map(DetectorCard.Tensor::stride).toList());
    }

    @Test
    void aColorizationCardIsNotADetectorCard() throws Exception {
        Files.writeString(dir.resolve("model.json"), "{\"name\": \"x\", \"kind\": \"full-image\"}");
        assertThrows(ColorizeException.class, () -> DetectorCard.read(dir));
    }
}
