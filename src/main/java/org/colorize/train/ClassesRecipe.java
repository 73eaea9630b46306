package org.colorize.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.colorize.color.AbGamut;
import org.colorize.color.AnnealedMean;
import org.colorize.color.ClassRebalancing;
import org.colorize.model.OutputEncoding;
import org.colorize.nn.Losses;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The full-image network with the classes head: logits over Zhang's in-gamut ab bins at 1/4 of the
 * input size, class-rebalanced cross entropy against soft-encoded targets (rebalancing weights from
 * the training images' ab histogram, λ = ½, σ = 5); decoded by annealed mean at
 * {@link AnnealedMean#ZHANG_TEMPERATURE}.
 */
final class ClassesRecipe extends FullImageRecipe {
    /** Zhang's in-gamut ab bins: the head's output channels. */
    static final int CLASSES = AbGamut.zhang().size();
    static final String CROSS_ENTROPY = "cross_entropy";
    /** The checkpoint state's key of the rebalancing weights. */
    static final String REBALANCING = "rebalancing";

    ClassesRecipe(double width) {
        super(width, Siggraph17Config.distribution(width, 1, CLASSES));
    }

    @Override
    public String key() {
        return Head.CLASSES.key();
    }

    @Override
    public List<String> lossNames() {
        return List.of(LossValues.TOTAL, CROSS_ENTROPY);
    }

    @Override
    public BatchTargets targets(TrainingData data, JsonObject state, Consumer<String> log) {
        if (state != null && state.has(REBALANCING)) {
            JsonArray a = state.getAsJsonArray(REBALANCING);
            float[] w = new float[a.size()];
            for (int i = 0; i < w.length; i++) w[i] = a.get(i).getAsFloat();
            return BatchTargets.softBins(w);
        }
        AbGamut gamut = AbGamut.zhang();
        double[] counts = data.abHistogram(gamut);
        float[] w = ClassRebalancing.weights(gamut, counts, ClassRebalancing.ZHANG_LAMBDA, ClassRebalancing.ZHANG_SIGMA);
        double total = 0;
        float min = Float.MAX_VALUE;
        float max = 0;
        for (int i = 0; i < w.length; i++) {
            total += counts[i];
            min = Math.min(min, w[i]);
            max = Math.max(max, w[i]);
        }
        log.accept(String.format(Locale.ROOT, "class rebalancing (λ = ½, σ = 5) from %,.0f training pixels:"
                + " weights %.2f…%.2f", total, min, max));
        return BatchTargets.softBins(w);
    }

    @Override
    Map<String, Operand<TFloat32>> losses(Ops tf, Siggraph17Net.Outputs<TFloat32> out, TrainingInputs in) {
        Operand<TFloat32> ce = Losses.crossEntropy(tf, out.logits(), in.softBins(), in.classWeights());
        return Map.of(LossValues.TOTAL, ce, CROSS_ENTROPY, ce);
    }

    @Override
    Operand<TFloat32> output(Siggraph17Net.Outputs<TFloat32> out) {
        return out.logits();
    }

    @Override
    public OutputEncoding outputEncoding() {
        return OutputEncoding.AB_BINS_LOGITS;
    }

    @Override
    public AbGamut outputBins() {
        return AbGamut.zhang();
    }

    @Override
    public double temperature() {
        return AnnealedMean.ZHANG_TEMPERATURE;
    }
}
