package org.colorize.train;

import com.google.gson.JsonObject;
import java.util.List;
import org.colorize.color.AbGamut;
import java.util.Map;
import java.util.function.Consumer;
import org.colorize.model.OutputEncoding;
import org.colorize.nn.Losses;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The full-image network with the regression head: ab via tanh × {@link Siggraph17Net#AB_SCALE},
 * smooth-L1 on ab / {@link Siggraph17Net#AB_SCALE} with InstColorization's δ
 * ({@link Losses#INSTCOLORIZATION_DELTA}).
 */
final class RegressionRecipe extends FullImageRecipe {
    static final String SMOOTH_L1 = "smooth_l1";

    RegressionRecipe(double width) {
        super(width, Siggraph17Config.regression(width, 1));
    }

    @Override
    public String key() {
        return Head.REGRESSION.key();
    }

    @Override
    public List<String> lossNames() {
        return List.of(LossValues.TOTAL, SMOOTH_L1);
    }

    @Override
    public BatchTargets targets(TrainingData data, JsonObject state, Consumer<String> log) {
        return BatchTargets.AB_ONLY;
    }

    @Override
    Map<String, Operand<TFloat32>> losses(Ops tf, Siggraph17Net.Outputs<TFloat32> out, TrainingInputs in) {
        Operand<TFloat32> smooth = Losses.smoothL1(tf, out.abNormalized(), in.abNormalized(), Losses.INSTCOLORIZATION_DELTA);
        return Map.of(LossValues.TOTAL, smooth, SMOOTH_L1, smooth);
    }

    @Override
    Operand<TFloat32> output(Siggraph17Net.Outputs<TFloat32> out) {
        return out.ab();
    }

    @Override
    public OutputEncoding outputEncoding() {
        return OutputEncoding.AB;
    }

    @Override
    public AbGamut outputBins() {
        return null;
    }

    @Override
    public double temperature() {
        return Double.NaN;
    }
}
