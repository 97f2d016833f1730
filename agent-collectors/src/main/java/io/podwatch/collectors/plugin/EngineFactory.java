package io.podwatch.collectors.plugin;

import io.podwatch.core.plugin.Factory;

/**
 * Builds a container engine. Engines are created before every collector, in {@code BuiltIns}
 * order, so collectors find them in {@link SourceContext#engines()}.
 */
public interface EngineFactory<C> extends Factory<C> {
    /**
     * Builds the engine's parts from its config, without I/O, and hands them to
     * {@code context.assembly()}; returns the engine, or empty when the config turns it off.
     */
    java.util.Optional<Engine> create(C config, SourceContext context);
}
