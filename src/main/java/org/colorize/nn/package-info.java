/**
 * Neural networks on TensorFlow's op API: a layer library, losses, Adam, the SIGGRAPH17 U-Net and
 * SavedModel export.
 *
 * <h2>Training graph and inference graph from one description</h2>
 * <pre>{@code
 * TfNatives.load();
 * try (Graph g = new Graph(); Session s = new Session(g)) {
 *     var store = ParameterStore.create(g, TFloat32.class, ParameterStore.Mode.TRAIN, seed);
 *     var l = store.tf().withName("l").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, -1, 1)));
 *     var abTarget = ...;                                   // ab / 110, [N, H, W, 2]
 *     var cfg = Siggraph17Config.regression(0.25, 1);
 *     var out = Siggraph17Net.build(store, l, cfg);         // batch statistics, moving-average updates
 *     var loss = Losses.smoothL1(store.tf(), out.abNormalized(), abTarget, Losses.INSTCOLORIZATION_DELTA);
 *     var step = Adam.minimize(store, loss, Adam.Config.defaults());
 *     // optional validation branch on the same variables, batch norm on moving statistics:
 *     var eval = Siggraph17Net.build(store.view(ParameterStore.Mode.INFERENCE, "eval"), l, cfg);
 *     s.initialize();
 *     s.runner().feed(l, batchL).feed(abTarget, batchAb).addTarget(step.op()).fetch(loss).run();
 *     s.save(checkpointPrefix);                              // one entry per variable name
 *     SavedModelExport.exportSiggraph17(exportDir, s, cfg);  // fresh inference graph, weights by name
 * }
 * }</pre>
 * An inference graph is the same {@code build} call on a store in {@link
 * org.colorize.nn.ParameterStore.Mode#INFERENCE}; {@link org.colorize.nn.ParameterStore#copyFrom}
 * or {@code Session.restore} fills it.
 *
 * <h2>Measured TensorFlow 2.10 facts the code works around</h2>
 * <ul>
 *   <li>Conv2D with dilations gets a wrong gradient (silently with SAME padding): dilated convs are
 *       SpaceToBatchND → conv → BatchToSpaceND ({@link org.colorize.nn.Conv2d}).</li>
 *   <li>LogSoftmax on rank &gt; 2 gets a wrong gradient: the cross-entropy reshapes to [-1, Q]
 *       ({@link org.colorize.nn.Losses}).</li>
 *   <li>FusedBatchNorm has no float64 kernel and ResizeBilinear computes in float32 only; batch norm
 *       is built from primitive ops so every layer but resize is checked in float64.</li>
 *   <li>TF Java renames a sub-scope that is used twice ({@code conv1_2_1}); {@link
 *       org.colorize.nn.ParameterStore} creates each scope once so names stay exact.</li>
 * </ul>
 */
package org.colorize.nn;
