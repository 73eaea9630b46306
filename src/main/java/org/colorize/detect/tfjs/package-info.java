/**
 * TF.js graph model → TensorFlow SavedModel, in Java.
 * <pre>
 *  model.json ── modelTopology (GraphDef as JSON) ── protobuf JsonFormat ──► GraphDef
 *             └─ weightsManifest + *.bin shards ── {@link org.colorize.detect.tfjs.WeightDecoder}:
 *                float16 (bits) / uint8, uint16 (code × scale + min) → float32; int32, bool as stored
 *  {@link org.colorize.detect.tfjs.TfjsConverter#toGraphDef}: weights into Const nodes; op types checked
 *     against {@link org.colorize.detect.tfjs.SupportedOps} (stateless math only, the rest refused);
 *     _FusedConv2D / FusedDepthwiseConv2dNative / _FusedMatMul / Prelu split by
 *     {@link org.colorize.detect.tfjs.FusedOpSplitter}; '_' attributes dropped
 *  {@link org.colorize.detect.tfjs.TfjsConverter#export}: import into a Graph, serving signature from
 *     {@link org.colorize.detect.tfjs.ServingSignature}, SavedModel written with sorted proto maps
 *     (the same input gives the same bytes)
 * </pre>
 * The files are data: nothing read from them is executed, and weight shards must be plain file
 * names beside model.json.
 */
package org.colorize.detect.tfjs;
