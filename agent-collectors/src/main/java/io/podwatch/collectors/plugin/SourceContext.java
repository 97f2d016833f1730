package io.podwatch.collectors.plugin;

import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.plugin.Assembly;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What an engine or collector factory is given to build its parts with: the agent's clock,
 * meters, state directory and host, where samples and events go, where its parts are handed over,
 * and the container engines created before it (collectors that look at containers ask them).
 *
 * @param stateDir the agent's state directory; a component keeps its files under its own name
 * @param out the processing stage, thread-safe
 * @param engines the engines built so far (empty while engines themselves are being built)
 */
public record SourceContext(Clock clock, MeterRegistry meters, Path stateDir, HostEnv env, Emitter out,
                            Assembly assembly, Engines engines) {
    /** The same context, with the engines built from the engine factories. */
    public SourceContext withEngines(Engines built) {
        return new SourceContext(clock, meters, stateDir, env, out, assembly, built);
    }
}
