/**
 * Importing published PyTorch checkpoints as Colorize models, safely.
 *
 * <pre>
 *   FILE.pth ──(PthReader: ZipCheckpoint | LegacyCheckpoint, PickleMachine + AllowedGlobal)──▶ StateDict
 *        ──(ImportArchitecture → NetworkSpec: Eccv16Spec | Siggraph17Spec, LayerMap keys)──▶ graph + WeightLoader
 *        ──(SavedModelExport, ExportCheck through DJL)──▶ model folder + card (CheckpointImporter)
 *
 *   GComp.pth + G.pth + GF.pth (module.-prefixed) ──(InstColorizationSpec, FusionConfig.instColorization)──▶
 *        full-image, instance/ and fusion/ SavedModels + instance-aware card (InstColorizationImporter)
 * </pre>
 *
 * <h2>Safety</h2>
 * A {@code .pth} is a Python pickle, which can call any function it names. {@link
 * org.colorize.importer.PickleMachine} implements only the opcodes state dicts use and resolves
 * globals against an allow-list ({@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2},
 * {@code torch._utils._rebuild_parameter}, {@code torch.*Storage}); each allowed callable builds a
 * Java value, nothing is looked up by a name from the file, and anything else is a
 * {@link org.colorize.importer.RefusedCheckpointException} naming the global. Lengths, storage
 * sizes and tensor extents are checked against the bytes in the file before anything is allocated;
 * {@link org.colorize.importer.PickleLimits} bound nesting, stack, memo and value counts.
 *
 * <h2>Formats</h2>
 * Zip (PyTorch ≥ 1.6: {@code NAME/data.pkl}, {@code NAME/data/KEY}, optional {@code byteorder}) and
 * legacy (&lt; 1.6: magic number, protocol 1001, system info, the object, the storage keys, then the
 * raw storages each after an 8-byte element count). Float, double, half and bfloat16 storages
 * become float weights; strided tensors and shared storages are read as PyTorch lays them out.
 *
 * <p>InstColorization's three networks ({@code --arch instcolor}) become one instance-aware model
 * ({@link org.colorize.importer.InstColorizationImporter}); GF's {@code module.} prefix is handled
 * by the key mapping only, after the same allow-listed reader. This package imports neither ImageJ
 * nor AWT.
 */
package org.colorize.importer;
