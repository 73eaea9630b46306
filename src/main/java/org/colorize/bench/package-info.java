/**
 * Benchmarks that print ratios measured side by side in one run, never pass/fail timings:
 * {@link org.colorize.bench.PipelineBenchmark} (stage split and peak heap at 1/12/50 MP),
 * {@link org.colorize.bench.NetworkBenchmark} (the full SIGGRAPH17 network through DJL next to a
 * large matmul, plus the weights a PyTorch twin replays) and
 * {@link org.colorize.bench.TrainingBenchmark} (training images per second, inference time).
 */
package org.colorize.bench;
