package io.podwatch.collectors.plugin;

import io.podwatch.collectors.engine.Sightings;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.durable.FileHealth;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.plugin.Assembly;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What an engine or collector factory is given to build its parts with: the agent's clock,
 * meters, state directory and host, where samples and events go, where its parts are handed over,
 * the container inventory and the engines created before it.
 *
 * @param stateDir the agent's state directory; a component keeps its files under its own name
 * @param out the processing stage, thread-safe
 * @param inventory the one view of every container: engines feed it ({@code inventory.feed(...)}),
 *     collectors read it or subscribe to it instead of asking an engine
 * @param engines the engines built so far (empty while engines themselves are being built)
 * @param files where components report files they cannot write (the audit checkpoint), for {@code /healthz}
 * @param sightings what the engines tell the audit trail: containers seen (removed ones a while
 *     longer) and their monitor/init pids
 */
public record SourceContext(Clock clock, MeterRegistry meters, Path stateDir, HostEnv env, Emitter out,
                            Assembly assembly, Inventory inventory, Engines engines, FileHealth files,
                            Sightings sightings) {
    /** Without a shared {@link FileHealth}: write failures are then seen by nobody's {@code /healthz} (tests). */
    public SourceContext(Clock clock, MeterRegistry meters, Path stateDir, HostEnv env, Emitter out,
                         Assembly assembly, Inventory inventory, Engines engines) {
        this(clock, meters, stateDir, env, out, assembly, inventory, engines, new FileHealth(clock),
                Sightings.create(clock));
    }

    /** The same context, with the engines built from the engine factories. */
    public SourceContext withEngines(Engines built) {
        return new SourceContext(clock, meters, stateDir, env, out, assembly, inventory, built, files, sightings);
    }
}
