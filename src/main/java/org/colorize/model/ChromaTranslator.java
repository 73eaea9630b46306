package org.colorize.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.Map;
import org.colorize.ColorizeException;

/**
 * The network's pre- and post-processing, built from its card: L encoded as the card says and
 * named as its signature input, extra inputs by their names; the output picked by name, checked
 * and decoded to ab in Lab units. Planes are stacked into one batch by DJL.
 */
final class ChromaTranslator implements Translator<ChromaTranslator.Plane, AbField> {
    private static final String TEMPERATURE = "temperature";
    private static final String SIZE = "size";
    private static final String VIVIDNESS = "vividness";

    /** One plane's inputs and the temperature of the call it belongs to. */
    record Plane(float[] lightness, int size, Map<String, float[]> extras, double temperature, double vividness) {
    }

    private final ModelCard card;
    private final int outputChannels;

    ChromaTranslator(ModelCard card, int outputChannels) {
        this.card = card;
        this.outputChannels = outputChannels;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Plane plane) {
        ctx.setAttachment(TEMPERATURE, plane.temperature());
        ctx.setAttachment(VIVIDNESS, plane.vividness());
        ctx.setAttachment(SIZE, plane.size());
        NDManager manager = ctx.getNDManager();
        int size = plane.size();
        float[] encoded = new float[plane.lightness().length];
        InputEncoding encoding = card.inputEncoding();
        for (int i = 0; i < encoded.length; i++) encoded[i] = encoding.encode(plane.lightness()[i]);
        NDArray l = manager.create(encoded, new Shape(size, size, 1));
        l.setName(card.inputName());
        NDList inputs = new NDList(l);
        // hint inputs nobody gave are "no hint": zeros, so every caller of a hinted model gets its plain colorization
        for (SignatureInput in : card.main().signature().inputs()) {
            if (in.encoding().isHint() && !plane.extras().containsKey(in.name())) {
                int side = extraSide(in.name(), size);
                long channels = in.encoding() == InputEncoding.HINT_AB ? 2
                        : in.encoding() == InputEncoding.HINT_MASK ? 1 : org.colorize.color.GlobalHint.CHANNELS;
                NDArray zero = manager.zeros(new Shape(side, side, channels));
                zero.setName(in.name());
                inputs.add(zero);
            }
        }
        for (Map.Entry<String, float[]> e : plane.extras().entrySet()) {
            float[] v = e.getValue();
            int side = extraSide(e.getKey(), size);
            NDArray extra = manager.create(v, new Shape(side, side, v.length / ((long) side * side)));
            extra.setName(e.getKey());
            inputs.add(extra);
        }
        return inputs;
    }

    /**
     * The side of extra input {@code name} for an L plane of {@code size}: the L side scaled as the
     * card's sizes are (detector features at S/4 or S/8); the L side itself when the card does not
     * name the input.
     */
    private int extraSide(String name, int size) {
        return card.main().signature().input(name)
                .map(in -> in.encoding() == InputEncoding.GLOBAL_HINT ? 1 : (int) ((long) size * in.size() / card.inputSize()))
                .orElse(size);
    }

    @Override
    public AbField processOutput(TranslatorContext ctx, NDList outputs) throws ColorizeException {
        NDArray out = pick(outputs);
        Shape shape = out.getShape();
        int size = (Integer) ctx.getAttachment(SIZE);
        long grid = shape.dimension() == 3 ? shape.get(0) : -1;
        if (grid <= 0 || shape.get(1) != grid || size % grid != 0 || shape.get(2) != outputChannels) {
            throw new ColorizeException("Model " + card.name() + " returned shape " + shape + " for an input plane of "
                    + size + "×" + size + "; expected [" + size + "/k, " + size + "/k, " + outputChannels + "].");
        }
        int m = (int) grid;
        double temperature = (Double) ctx.getAttachment(TEMPERATURE);
        double vividness = (Double) ctx.getAttachment(VIVIDNESS);
        return new AbField(AbDecoder.decode(out.toFloatArray(), m * m, card.outputEncoding(), card.outputBins(), temperature,
                vividness), m);
    }

    private NDArray pick(NDList outputs) {
        if (outputs.size() == 1) return outputs.get(0);
        for (NDArray a : outputs) {
            if (card.outputName().equals(a.getName())) return a;
        }
        return outputs.get(0);
    }

    @Override
    public Batchifier getBatchifier() {
        return Batchifier.STACK;
    }
}
