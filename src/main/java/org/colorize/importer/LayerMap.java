package org.colorize.importer;

/**
 * One layer of our network and the state-dict prefix its weights have in a published checkpoint,
 * e.g. {@code conv1_2} ← {@code model1.2}.
 *
 * @param layer  our layer name, the variable scope in {@link org.colorize.nn.ParameterStore}
 * @param prefix the checkpoint's key prefix, without the trailing dot
 * @param kind   how the weights are laid out
 */
record LayerMap(String layer, String prefix, Kind kind) {

    enum Kind {
        /** Conv2d: weight OIHW → our HWIO; bias as is. */
        CONV,
        /** ConvTranspose2d: weight [in, out, k, k] → our [k, k, out, in]; bias as is. */
        TRANSPOSED_CONV,
        /** BatchNorm2d: weight/bias → gamma/beta (1/0 when the layer has no affine part), running stats; num_batches_tracked unused. */
        BATCH_NORM
    }

    static LayerMap conv(String layer, String prefix) {
        return new LayerMap(layer, prefix, Kind.CONV);
    }

    static LayerMap transposed(String layer, String prefix) {
        return new LayerMap(layer, prefix, Kind.TRANSPOSED_CONV);
    }

    static LayerMap batchNorm(String layer, String prefix) {
        return new LayerMap(layer, prefix, Kind.BATCH_NORM);
    }

    /** The checkpoint key of our variable {@code leaf} (weight, bias, gamma, beta, moving_mean, moving_variance). */
    String key(String leaf) {
        String torch = switch (leaf) {
            case "gamma" -> "weight";
            case "beta" -> "bias";
            case "moving_mean" -> "running_mean";
            case "moving_variance" -> "running_var";
            default -> leaf;
        };
        return prefix + "." + torch;
    }
}
