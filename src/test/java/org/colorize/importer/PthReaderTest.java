package org.colorize.importer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reads the fixtures PyTorch 1.13 wrote, in both formats, and compares every value with the JSON PyTorch printed. */
class PthReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"zip", "legacy"})
    void readsEveryDtypeStridesAndSharedStorages(String format) throws Exception {
        JsonObject expected = JsonParser.parseString(Fixtures.text("dtypes.json")).getAsJsonObject();
        try (StateDict sd = PthReader.read(Fixtures.path("dtypes-" + format + ".pth"))) {
            assertEquals(format.equals("zip") ? CheckpointFormat.ZIP : CheckpointFormat.LEGACY, sd.format());
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(sd.keys()), "keys in file order");
            for (Map.Entry<String, JsonElement> e : expected.entrySet()) {
                TorchTensor t = sd.get(e.getKey()).orElseThrow();
                long[] shape = e.getValue().getAsJsonObject().getAsJsonArray("shape").asList().stream()
                        .mapToLong(JsonElement::getAsLong).toArray();
                assertArrayEquals(shape, t.shape(), e.getKey());
                if (!t.type().isFloatingPoint()) continue;
                float[] got = t.floats();
                var values = e.getValue().getAsJsonObject().getAsJsonArray("values");
                assertEquals(values.size(), got.length, e.getKey());
                for (int i = 0; i < got.length; i++) {
                    assertEquals((float) values.get(i).getAsDouble(), got[i], 0f, e.getKey() + "[" + i + "]");
                }
            }
            assertEquals(StorageType.LONG, sd.get("steps").orElseThrow().type());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zip", "legacy"})
    void readsAStateDictOfTheSiggraph17Generator(String format) throws Exception {
        try (StateDict sd = PthReader.read(Fixtures.path("siggraph17-" + format + ".pth"))) {
            assertArrayEquals(new long[] {1, 4, 3, 3}, sd.get("model1.0.weight").orElseThrow().shape());
            assertArrayEquals(new long[] {8, 4, 4, 4}, sd.get("model8up.0.weight").orElseThrow().shape());
            assertTrue(sd.has("model1.4.num_batches_tracked"));
            assertEquals(StorageType.FLOAT, sd.get("model1.4.running_var").orElseThrow().type());
        }
    }

    @org.junit.jupiter.api.Test
    void halfPrecisionConversionIsExact() {
        assertEquals(1f, StorageType.halfToFloat((short) 0x3c00));
        assertEquals(-2f, StorageType.halfToFloat((short) 0xc000));
        assertEquals(65504f, StorageType.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-24f, StorageType.halfToFloat((short) 0x0001));
        assertEquals(Float.POSITIVE_INFINITY, StorageType.halfToFloat((short) 0x7c00));
        assertTrue(Float.isNaN(StorageType.halfToFloat((short) 0x7e00)));
    }
}
