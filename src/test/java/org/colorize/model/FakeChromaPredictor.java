package org.colorize.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.colorize.ColorizeException;

/**
 * A network-free predictor for pipeline tests: ab follows L by a fixed rule,
 * a = {@value #A_SLOPE} · (L − 50), b = {@value #B}, at the network size. Counts its calls.
 */
public final class FakeChromaPredictor implements ChromaPredictor {
    public static final float A_SLOPE = 0.4f;
    public static final float B = 25f;
    public static final int SIZE = 32;

    private final ModelCard card;
    private final int maxBatch;
    private final List<Integer> batchSizes = new ArrayList<>();
    private IntConsumer onCall = call -> { };

    private FakeChromaPredictor(ModelCard card, int maxBatch) {
        this.card = card;
        this.maxBatch = maxBatch;
    }

    /** A full-image fake. */
    public static FakeChromaPredictor create(int maxBatch) {
        return new FakeChromaPredictor(card("fake-rule", "full-image"), maxBatch);
    }

    /** A fake whose card says {@code kind}. */
    public static FakeChromaPredictor ofKind(String kind) {
        return new FakeChromaPredictor(card("fake-" + kind, kind), 4);
    }

    /** A model card of {@code kind} in a fresh folder (no SavedModel). */
    public static Path cardFolder(String name, String kind) {
        try {
            Path dir = Files.createDirectories(TinyModels.root().resolve("cards").resolve(name));
            ModelCards.write(ModelCards.builder(name).version("0.0.1-test").kind(kind)
                    .component(ModelCard.FULL_IMAGE, c -> c.architecture("fake rule (test fixture, no network)")
                            .input("l", InputEncoding.L_CENTERED, SIZE).output("ab", OutputEncoding.AB))
                    .license("MIT").build(), dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelCard card(String name, String kind) {
        try {
            return ModelCard.read(cardFolder(name, kind));
        } catch (ColorizeException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code action} with the 1-based number of each call, before it predicts. */
    public FakeChromaPredictor onCall(IntConsumer action) {
        this.onCall = action;
        return this;
    }

    /** The number of planes of each call so far. */
    public synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    public static float a(float lightness) {
        return A_SLOPE * (lightness - 50f);
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public String device() {
        return "java (fake)";
    }

    @Override
    public String origin() {
        return "test fixture";
    }

    @Override
    public int maxBatch() {
        return maxBatch;
    }

    @Override
    public List<AbField> predict(LightnessBatch batch, double temperature) {
        int call;
        synchronized (this) {
            batchSizes.add(batch.count());
            call = batchSizes.size();
        }
        onCall.accept(call);
        List<AbField> fields = new ArrayList<>();
        for (float[] l : batch.lightness()) {
            float[] ab = new float[l.length * 2];
            for (int i = 0; i < l.length; i++) {
                ab[2 * i] = a(l[i]);
                ab[2 * i + 1] = B;
            }
            fields.add(new AbField(ab, batch.size()));
        }
        return fields;
    }
}
