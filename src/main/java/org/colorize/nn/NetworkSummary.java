package org.colorize.nn;

import java.util.Locale;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Size of a SIGGRAPH17 network: trained parameters and conv FLOPs per image at a given input size.
 * Builds the inference graph only; runs nothing.
 *
 * @param parameters trainable scalars
 * @param flops floating-point operations of the conv layers per image (2 per multiply-accumulate)
 * @param size input side used for the FLOP count
 */
public record NetworkSummary(Siggraph17Config config, long parameters, long flops, int size) {

    /** Measures {@code cfg} at {@code size} × {@code size}. */
    public static NetworkSummary of(Siggraph17Config cfg, int size) {
        TfNatives.load();
        try (Graph g = new Graph()) {
            ParameterStore<TFloat32> p = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.INFERENCE, 0);
            var l = p.tf().withName("l").placeholder(TFloat32.class,
                    Placeholder.shape(Shape.of(1, size, size, cfg.inputChannels())));
            Siggraph17Net.build(p, l, cfg);
            if (!p.flops().complete()) {
                throw new IllegalStateException("static shapes were lost; FLOP count incomplete");
            }
            return new NetworkSummary(cfg, p.parameterCount(), p.flops().flops(), size);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "width %.4g, %d input channel(s), %s: %,d parameters, %.1f GFLOP at %d²",
                config.width(), config.inputChannels(), heads(), parameters, flops / 1e9, size);
    }

    private String heads() {
        return (config.regression() ? "regression" : "") + (config.regression() && config.classes() > 0 ? " + " : "")
                + (config.classes() > 0 ? config.classes() + "-bin distribution" : "");
    }

    /** Prints the published widths and a few smaller ones. */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        for (double w : new double[] {1.0, 0.5, 0.25, 0.125}) {
            System.out.println(of(Siggraph17Config.regression(w, 1), size));
        }
        System.out.println(of(Siggraph17Config.both(1.0, 1, Siggraph17Config.SIGGRAPH17_CLASSES), size));
        System.out.println(of(Siggraph17Config.both(1.0, 4, Siggraph17Config.SIGGRAPH17_CLASSES), size));
    }
}
