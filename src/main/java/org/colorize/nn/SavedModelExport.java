package org.colorize.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Writes a network as a SavedModel for serving through DJL: a freshly built inference graph
 * (batch norm on moving statistics, no optimizer state, no training ops) whose weights are copied
 * by name from a trained session.
 */
public final class SavedModelExport {
    /** Signature key DJL looks up. */
    public static final String SIGNATURE_KEY = "serving_default";
    /** Input name: float32 [N, H, W, C], channel 0 is L in 0…100. */
    public static final String INPUT = "l";
    /** Regression output: ab in ab units, [N, H, W, 2]. */
    public static final String OUTPUT_AB = "ab";
    /** Distribution output: logits over the ab bins, [N, H/4, W/4, Q]. */
    public static final String OUTPUT_LOGITS = "ab_logits";

    private SavedModelExport() {}

    /** Builds an inference graph's input, outputs and signature on a fresh store. */
    @FunctionalInterface
    public interface InferenceGraph {
        Signature build(ParameterStore<TFloat32> store);
    }

    /**
     * Exports the SIGGRAPH17 network of {@code cfg} with the weights of {@code trained} (a session
     * whose graph has variables of the same names, e.g. the training graph) to {@code dir}, which
     * must not exist yet. Outputs {@value #OUTPUT_AB} and/or {@value #OUTPUT_LOGITS} by head.
     */
    public static void exportSiggraph17(Path dir, Session trained, Siggraph17Config cfg) {
        export(dir, trained, store -> {
            Placeholder<TFloat32> l = store.tf().withName(INPUT)
                    .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, cfg.inputChannels())));
            Siggraph17Net.Outputs<TFloat32> out = Siggraph17Net.build(store, l, cfg);
            Signature.Builder sig = Signature.builder().key(SIGNATURE_KEY).input(INPUT, l);
            if (out.ab() != null) {
                sig.output(OUTPUT_AB, out.ab());
            }
            if (out.logits() != null) {
                sig.output(OUTPUT_LOGITS, out.logits());
            }
            return sig.build();
        });
    }

    /** Exports the inference graph {@code graph} with the weights of {@code trained} to {@code dir}. */
    public static void export(Path dir, Session trained, InferenceGraph graph) {
        if (Files.exists(dir)) {
            throw new IllegalArgumentException("export directory exists already: " + dir);
        }
        TfNatives.load();
        try (Graph g = new Graph(); Session s = new Session(g)) {
            ParameterStore<TFloat32> store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            Signature signature = graph.build(store);
            store.copyFrom(trained, s);
            SavedModelBundle.exporter(dir.toString()).withSession(s).withSignature(signature).export();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export SavedModel to " + dir, e);
        }
    }
}
