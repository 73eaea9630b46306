package org.colorize.nn;

import java.nio.file.Path;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TFloating;

/**
 * The SIGGRAPH17 U-Net with detector features fused in ({@link SemanticFusion}): one description
 * for the training graph, the exported SavedModel and therefore inference. Inputs: {@code l}
 * [N, H, W, 1] and, by {@link SemanticFusion.Mode}, {@value SemanticFusion#S8}
 * [N, H/4, W/4, 96] and {@value SemanticFusion#S16} [N, H/8, W/8, 288].
 */
public final class SemanticSiggraph17Net {
    private SemanticSiggraph17Net() {
    }

    /** The network on {@code l} with the features of {@code mode} (null operands where the mode reads none). */
    public static <T extends TFloating> Siggraph17Net.Outputs<T> build(ParameterStore<T> p, Operand<T> l, Operand<T> s8,
            Operand<T> s16, Siggraph17Config cfg, SemanticFusion.Mode mode) {
        return build(p, l, s8, s16, cfg, mode, null);
    }

    /** As {@link #build(ParameterStore, Operand, Operand, Operand, Siggraph17Config, SemanticFusion.Mode)}, with user hints when {@code hints} is not null. */
    public static <T extends TFloating> Siggraph17Net.Outputs<T> build(ParameterStore<T> p, Operand<T> l, Operand<T> s8,
            Operand<T> s16, Siggraph17Config cfg, SemanticFusion.Mode mode, HintInputs.Operands<T> hints) {
        if (mode.hypercolumns() && s8 == null || mode != SemanticFusion.Mode.NONE && s16 == null) {
            throw new IllegalArgumentException("features mode " + mode.key() + " needs inputs " + mode.inputs());
        }
        return Siggraph17Net.build(p, l, cfg, new SemanticFusion<>(mode, cfg, s8, s16), hints);
    }

    /**
     * Exports the network with the weights of {@code trained} to {@code dir}: inputs {@code l} and
     * the mode's feature inputs, outputs as {@link SavedModelExport#exportSiggraph17}.
     */
    public static void export(Path dir, Session trained, Siggraph17Config cfg, SemanticFusion.Mode mode) {
        export(dir, trained, cfg, mode, false);
    }

    /** As {@link #export(Path, Session, Siggraph17Config, SemanticFusion.Mode)}; with {@code hints} also the inputs of {@link HintInputs}. */
    public static void export(Path dir, Session trained, Siggraph17Config cfg, SemanticFusion.Mode mode, boolean hints) {
        SavedModelExport.export(dir, trained, store -> {
            var tf = store.tf();
            Placeholder<TFloat32> l = tf.withName(SavedModelExport.INPUT)
                    .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, cfg.inputChannels())));
            Placeholder<TFloat32> s8 = mode.hypercolumns() ? tf.withName(SemanticFusion.S8)
                    .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, SemanticFusion.S8_CHANNELS))) : null;
            Placeholder<TFloat32> s16 = mode != SemanticFusion.Mode.NONE ? tf.withName(SemanticFusion.S16)
                    .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, SemanticFusion.S16_CHANNELS))) : null;
            HintInputs.Operands<TFloat32> h = hints ? hintPlaceholders(tf) : null;
            Siggraph17Net.Outputs<TFloat32> out = build(store, l, s8, s16, cfg, mode, h);
            Signature.Builder sig = Signature.builder().key(SavedModelExport.SIGNATURE_KEY).input(SavedModelExport.INPUT, l);
            if (s8 != null) sig.input(SemanticFusion.S8, s8);
            if (s16 != null) sig.input(SemanticFusion.S16, s16);
            if (h != null) {
                sig.input(HintInputs.AB, h.ab()).input(HintInputs.MASK, h.mask()).input(HintInputs.GLOBAL, h.global());
            }
            if (out.ab() != null) sig.output(SavedModelExport.OUTPUT_AB, out.ab());
            if (out.logits() != null) sig.output(SavedModelExport.OUTPUT_LOGITS, out.logits());
            return sig.build();
        });
    }

    /** Placeholders named and shaped as {@link HintInputs} says. */
    public static HintInputs.Operands<TFloat32> hintPlaceholders(org.tensorflow.op.Ops tf) {
        return new HintInputs.Operands<>(
                tf.withName(HintInputs.AB).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 2))),
                tf.withName(HintInputs.MASK).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1))),
                tf.withName(HintInputs.GLOBAL).placeholder(TFloat32.class,
                        Placeholder.shape(Shape.of(-1, 1, 1, HintInputs.GLOBAL_CHANNELS))));
    }
}
