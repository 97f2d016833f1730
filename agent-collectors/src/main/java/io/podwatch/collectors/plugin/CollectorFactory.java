package io.podwatch.collectors.plugin;

import io.podwatch.core.plugin.Factory;

/**
 * Builds a source: polled collectors, long-running sources (a tailer) and the detectors that read
 * only what this source emits. Created after the engines, in {@code BuiltIns} order.
 */
public interface CollectorFactory<C> extends Factory<C> {
    /**
     * Builds the source's parts from its config, without I/O, and hands them to
     * {@code context.assembly()}; a config that turns the source off hands over nothing.
     */
    void create(C config, SourceContext context);
}
