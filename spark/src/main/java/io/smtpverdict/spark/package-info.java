/**
 * smtp-verdict on Apache Spark: the {@code smtp_verdict} SQL function, {@link io.smtpverdict.spark.Verdicts} for
 * DataFrames (batch and Structured Streaming) and the {@link io.smtpverdict.spark.ClassifyJob} for spark-submit.
 * The engine is built once per executor JVM and never travels with a task.
 */
package io.smtpverdict.spark;
