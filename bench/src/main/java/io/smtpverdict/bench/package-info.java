/**
 * JMH benchmarks of the engine and the inputs they run on. Nothing here accepts or returns null.
 *
 * <p>Run with {@code scripts/bench.sh}; docs/performance.md explains the workloads and holds the figures.
 */
package io.smtpverdict.bench;
