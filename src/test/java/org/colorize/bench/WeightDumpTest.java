package org.colorize.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.TfNatives;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The weight dump bench/siggraph17_torch.py reads: names, shapes, order and values survive, bytes are little-endian. */
class WeightDumpTest {

    @Test
    void siggraph17VariablesRoundTripByNameShapeAndValue(@TempDir Path tmp) throws Exception {
        TfNatives.load();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 5);
            var l = store.tf().withName("l").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
            Siggraph17Net.build(store, l, Siggraph17Config.regression(0.125, 1));
            s.initialize();
            Map<String, Tensor> values = store.read(s, ParameterStore.MODEL);
            Map<String, WeightDump.Array> dumped;
            try {
                dumped = WeightDump.fromTensors(values);
                WeightDump.write(tmp, dumped.values());
                Map<String, WeightDump.Array> back = WeightDump.read(tmp);
                assertEquals(new ArrayList<>(store.variables(ParameterStore.MODEL).keySet()), new ArrayList<>(back.keySet()));
                for (Map.Entry<String, Tensor> e : values.entrySet()) {
                    WeightDump.Array a = back.get(e.getKey());
                    assertArrayEquals(e.getValue().shape().asArray(), a.shape(), e.getKey());
                    assertArrayEquals(dumped.get(e.getKey()).values(), a.values(), e.getKey());
                }
            } finally {
                values.values().forEach(Tensor::close);
            }
            // the layouts the Python side transposes: HWIO conv, [k, k, out, in] transposed conv
            assertArrayEquals(new long[] {3, 3, 1, 8}, dumped.get("conv1_1/weight").shape());
            assertArrayEquals(new long[] {4, 4, 32, 64}, dumped.get("conv8_up/weight").shape());
            assertEquals(8, dumped.get("conv1_norm/moving_variance").values().length);
        }
    }

    @Test
    void filesAreRawLittleEndianFloat32WithAJsonIndex(@TempDir Path tmp) throws Exception {
        WeightDump.write(tmp, List.of(new WeightDump.Array("a/weight", new long[] {2}, new float[] {1f, -2.5f}),
                new WeightDump.Array("b/bias", new long[] {}, new float[] {Float.MIN_VALUE})));
        byte[] bytes = Files.readAllBytes(tmp.resolve("a.weight.f32"));
        assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0x20, (byte) 0xc0}, bytes);
        String index = Files.readString(tmp.resolve(WeightDump.INDEX));
        assertEquals(List.of("a/weight", "b/bias"), new ArrayList<>(WeightDump.read(tmp).keySet()), index);
        assertArrayEquals(new float[] {Float.MIN_VALUE}, WeightDump.read(tmp).get("b/bias").values());
        assertThrows(IllegalArgumentException.class, () -> WeightDump.fileName("../x"));
        assertThrows(IllegalArgumentException.class, () -> new WeightDump.Array("c", new long[] {3}, new float[2]));
    }
}
