package org.colorize.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.colorize.nn.Adam;
import org.colorize.nn.FusionConfig;
import org.colorize.nn.FusionGeometry;
import org.colorize.nn.InstanceAwareNet;
import org.colorize.nn.InstanceFusion;
import org.colorize.nn.Losses;
import org.colorize.nn.ParameterStore;
import org.colorize.nn.Siggraph17Config;
import org.colorize.nn.Siggraph17Net;
import org.colorize.nn.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * InstColorization's last stage: the full-image and the instance nets built in inference mode
 * (frozen: moving statistics, not in the optimizer's scope), the fusion module between them, and
 * only {@code fusion/} trained, on one picture and its crops per step (smooth-L1 of the fused ab).
 */
final class FusionStage implements StageRecipe {
    /** Steps between two scores on the held-out pictures. */
    static final int VALIDATE_EVERY = 250;

    private final Siggraph17Config config;
    private final FusionConfig fusion;
    private final int size;
    private final int cropSize;
    private final List<InstanceSample> samples;
    private final List<InstanceSample> heldOut;

    FusionStage(Siggraph17Config config, FusionConfig fusion, int size, int cropSize, List<InstanceSample> samples) {
        this(config, fusion, size, cropSize, samples, List.of());
    }

    /**
     * @param heldOut pictures never trained on (by any stage): the fusion is scored on those with
     *                boxes every {@value #VALIDATE_EVERY} steps, against the full-image net alone, and
     *                the best-scoring fusion weights are kept; none: the last weights are kept
     */
    FusionStage(Siggraph17Config config, FusionConfig fusion, int size, int cropSize, List<InstanceSample> samples,
            List<InstanceSample> heldOut) {
        this.config = config;
        this.fusion = fusion;
        this.size = size;
        this.cropSize = cropSize;
        this.samples = withBoxes(samples);
        this.heldOut = withBoxes(heldOut);
        if (this.samples.isEmpty()) throw new IllegalArgumentException("fusion: no picture has a box");
    }

    private static List<InstanceSample> withBoxes(List<InstanceSample> samples) {
        return samples.stream().filter(s -> !s.boxes().isEmpty()).toList();
    }

    @Override
    public String name() {
        return "fusion";
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "fusion: both nets frozen, fusion weights only (weight maps: %s), %d pictures with %d boxes,"
                + " crops %d²%s", fusion.weightNetsDescription(), samples.size(), samples.stream().mapToInt(s -> s.boxes().size()).sum(),
                cropSize, heldOut.isEmpty() ? "" : String.format(Locale.ROOT, "; kept the weights scoring best on %d held-out pictures"
                        + " (scored every %d steps)", heldOut.size(), VALIDATE_EVERY));
    }

    @Override
    public ParameterStore.Mode mode() {
        return ParameterStore.Mode.INFERENCE;
    }

    @Override
    public Adam.Scope scope() {
        return new Adam.Scope("adam_fusion", InstanceFusion.SCOPE + "/");
    }

    @Override
    public Built build(ParameterStore<TFloat32> store) {
        Ops tf = store.tf();
        Placeholder<TFloat32> l = tf.withName("l").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 1)));
        Placeholder<TFloat32> target = tf.withName("target_ab").placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, size, size, 2)));
        InstanceAwareNet.Inputs<TFloat32> in = InstanceAwareNet.placeholders(tf, TFloat32.class, size, cropSize);
        Siggraph17Net.Outputs<TFloat32> out = InstanceAwareNet.build(store, l, in.crops(), in, config, fusion);
        Operand<TFloat32> loss = Losses.smoothL1(store.tf("loss_fusion"), out.abNormalized(), target, Losses.INSTCOLORIZATION_DELTA);
        Feeder feeder = (runner, rnd) -> picture(runner, l, target, in, samples.get(rnd.nextInt(samples.size())));
        Validation validation = null;
        if (!heldOut.isEmpty()) {
            // the baseline: the frozen full-image net alone on the same picture, the same variables without the fusion
            // (not the fused graph fed no boxes: oneDNN's fused conv fails on the empty batch of crops)
            Siggraph17Net.Outputs<TFloat32> alone = Siggraph17Net.build(store.view(ParameterStore.Mode.INFERENCE, "full_image_alone"), l,
                    config);
            Operand<TFloat32> baseline = Losses.smoothL1(store.tf("loss_full_image_alone"), alone.abNormalized(), target,
                    Losses.INSTCOLORIZATION_DELTA);
            validation = new Validation(heldOut.size(), VALIDATE_EVERY, (runner, i) -> picture(runner, l, target, in, heldOut.get(i)),
                    loss, baseline); // the stage runs in inference mode: its own loss is the held-out loss
        }
        return new Built(loss, feeder, List.of(), java.util.Map.of(), validation);
    }

    private List<Tensor> picture(org.tensorflow.Session.Runner runner, Placeholder<TFloat32> l, Placeholder<TFloat32> target,
            InstanceAwareNet.Inputs<TFloat32> in, InstanceSample s) {
        List<Tensor> made = new ArrayList<>();
        float[] abn = scaled(s.ab(), (float) (1 / Siggraph17Net.AB_SCALE));
        made.add(feed(runner, l, Shape.of(1, size, size, 1), s.l()));
        made.add(feed(runner, target, Shape.of(1, size, size, 2), abn));
        feedInstances(runner, in, s.boxes(), s.cropL(), size, cropSize, made);
        return made;
    }

    /** Feeds crops and geometry of {@code boxes} to the placeholders of {@code in}; adds the tensors made to {@code made}. */
    static void feedInstances(org.tensorflow.Session.Runner runner, InstanceAwareNet.Inputs<TFloat32> in,
            List<FusionGeometry.NetBox> boxes, List<float[]> cropL, int size, int cropSize, List<Tensor> made) {
        int k = boxes.size();
        float[] crops = new float[k * cropSize * cropSize];
        for (int i = 0; i < k; i++) System.arraycopy(cropL.get(i), 0, crops, i * cropSize * cropSize, cropSize * cropSize);
        made.add(feed(runner, in.crops(), Shape.of(k, cropSize, cropSize, 1), crops));
        FusionGeometry.Inputs geo = FusionGeometry.inputs(boxes, size, cropSize);
        for (int j = 0; j < FusionGeometry.STRIDES.size(); j++) {
            int stride = FusionGeometry.STRIDES.get(j);
            Shape shape = Shape.of(k, size / stride, cropSize / stride);
            made.add(feed(runner, in.rows().get(stride), shape, geo.rows()[j]));
            made.add(feed(runner, in.cols().get(stride), shape, geo.cols()[j]));
        }
    }

    private static Tensor feed(org.tensorflow.Session.Runner runner, Operand<TFloat32> p, Shape shape, float[] values) {
        TFloat32 t = Tensors.of(shape, values);
        runner.feed(p, t);
        return t;
    }

    private static float[] scaled(float[] v, float f) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * f;
        return out;
    }
}
