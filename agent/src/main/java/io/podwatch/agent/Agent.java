package io.podwatch.agent;

import io.podwatch.agent.http.HttpServer;
import io.podwatch.agent.http.ListenProbe;
import io.podwatch.agent.http.PrometheusExposition;
import io.podwatch.agent.status.StatusModel;
import io.podwatch.agent.sink.Alerting;
import io.podwatch.agent.sink.EventSinkFactory;
import io.podwatch.agent.sink.ReceiverFactory;
import io.podwatch.agent.sink.SinkContext;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.plugin.CollectorFactory;
import io.podwatch.collectors.plugin.Engine;
import io.podwatch.collectors.plugin.EngineFactory;
import io.podwatch.collectors.plugin.Engines;
import io.podwatch.collectors.plugin.SourceContext;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.detect.anomaly.AnomalyConfig;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.detect.restart.ContainerOomKilled;
import io.podwatch.core.detect.restart.ContainerRestartLoop;
import io.podwatch.core.detect.restart.RestartLoopConfig;
import io.podwatch.core.durable.FileHealth;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Lifecycle;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.lifecycle.StartRefused;
import io.podwatch.core.plugin.Assembly;
import io.podwatch.core.plugin.Configured;
import io.podwatch.core.process.Detector;
import io.podwatch.core.process.ProcessingStage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the agent from a validated config and the factories in {@link BuiltIns}: event sinks and
 * receivers → processing stage → engines → collectors, plus exposition. Construction does no I/O;
 * {@link #start()} first takes the state directory and the listen address (so a second agent
 * fails at once and touches nothing), then starts everything in dependency order.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final int QUEUE_CAPACITY = 10_000;

    private final Lifecycle lifecycle = new Lifecycle();
    private final HttpServer http;
    private final PrometheusExposition exposition;
    private final String destinations;

    private Agent(Config config, HostEnv env, Clock clock, String version, Components components)
            throws ConfigException {
        AgentConfig settings = AgentConfig.from(config);
        List<ConfigError> errors = new ArrayList<>();
        var eventSinks = Configured.all(components.eventSinks(), config, env, errors);
        var receivers = Configured.all(components.receivers(), config, env, errors);
        var engines = Configured.all(components.engines(), config, env, errors);
        var collectors = Configured.all(components.collectors(), config, env, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        LatestSamples latest = new LatestSamples();
        exposition = new PrometheusExposition(latest);
        var meters = exposition.meters();
        RestartLoopConfig restart = RestartLoopConfig.from(config);
        ContainerRestartLoop restartLoop = new ContainerRestartLoop(restart);
        // the host label tells a shared Alertmanager which agent of the fleet raised an alert
        // files the agent cannot write (disk full, refused link) make /healthz degraded, naming the file
        FileHealth files = new FileHealth(clock);
        SinkContext sinkContext = new SinkContext(clock, meters, settings.stateDir(), env.env(),
                Map.of("host", HostName.read()), event -> { }, files);
        Inventory inventory = new Inventory(clock);
        StatusModel status = new StatusModel(latest, inventory, clock);
        Alerting alerting = Alerting.create(config, eventSinks, receivers, sinkContext,
                StatusWiring.observed(Inhibitions.of(List.of(ContainerRestartLoop.INHIBIT)), status));
        destinations = alerting.destinations();
        ProcessingStage stage = new ProcessingStage(latest, List.of(restartLoop, new ContainerOomKilled(restart),
                new ContainerAnomalyDetector(AnomalyConfig.from(config)),
                status), // after the anomaly detector, whose scores it shows
                alerting.eventSinks(), alerting.pipeline(), clock, QUEUE_CAPACITY, meters);
        CollectorRunner runner = new CollectorRunner(stage, clock, meters);
        http = StatusWiring.server(settings, status, alerting, runner, files, exposition, version, clock);
        // before anything that writes: a second agent stops here, naming who holds what
        lifecycle.add(new StateDirLock(settings.stateDir()));
        lifecycle.add(http);
        alerting.managed().forEach(lifecycle::add);
        lifecycle.add(stage);
        Assembly assembly = new Wiring(lifecycle, runner, stage);
        SourceContext sources = new SourceContext(clock, meters, settings.stateDir(), env, stage, assembly,
                inventory, Engines.NONE, files, Sightings.create(clock));
        List<Engine> built = new ArrayList<>();
        for (Configured<EngineFactory<?>> e : engines) {
            engine(e.factory(), e, sources).ifPresent(built::add);
        }
        sources = sources.withEngines(new Engines(built));
        for (Configured<CollectorFactory<?>> c : collectors) {
            collector(c.factory(), c, sources);
        }
        lifecycle.add(runner);
    }

    private static <C> Optional<Engine> engine(EngineFactory<C> f, Configured<?> c, SourceContext ctx) {
        return f.create(c.configFor(f), ctx);
    }

    private static <C> void collector(CollectorFactory<C> f, Configured<?> c, SourceContext ctx) {
        f.create(c.configFor(f), ctx);
    }

    /** The factories an agent is built from: {@link BuiltIns}, or a test's own list. */
    public record Components(List<EngineFactory<?>> engines, List<CollectorFactory<?>> collectors,
                             List<EventSinkFactory<?>> eventSinks, List<ReceiverFactory<?>> receivers) {
        public static Components builtIns() {
            return new Components(BuiltIns.engines(), BuiltIns.collectors(), BuiltIns.eventSinks(), BuiltIns.receivers());
        }
    }

    /** Hands factories' parts to the lifecycle, the runner and the processing stage. */
    private record Wiring(Lifecycle lifecycle, CollectorRunner runner, ProcessingStage stage) implements Assembly {
        @Override
        public <T extends Managed> T manage(T part) {
            return lifecycle.add(part);
        }

        @Override
        public <T extends Collector> T collect(T collector, CollectorRunner.Schedule schedule) {
            runner.add(lifecycle.add(collector), schedule);
            return collector;
        }

        @Override
        public void detect(Detector detector) {
            stage.add(detector);
        }
    }

    /**
     * Refuses at once, before the agent is built, when the state directory is held by another
     * agent or not writable, or the listen address is taken. {@link #start()} checks both again
     * for real (this is only the fast answer).
     */
    public static void probe(Config config) throws StartRefused {
        AgentConfig settings = AgentConfig.from(config);
        StateDirLock.probe(settings.stateDir());
        ListenProbe.check(settings.httpListen());
    }

    /** Wires the agent; a config error only visible across sections (e.g. a sink's TLS) is thrown here. */
    public static Agent assemble(Config config, HostEnv env, Clock clock, String version) throws ConfigException {
        return new Agent(config, env, clock, version, Components.builtIns());
    }

    /** Wires the agent from other factories than the built-in ones (tests plug their own in). */
    public static Agent assemble(Config config, HostEnv env, Clock clock, String version, Components components)
            throws ConfigException {
        return new Agent(config, env, clock, version, components);
    }

    public void start() throws Lifecycle.StartupException {
        lifecycle.start();
        LOG.info("podwatch started; metrics on http://{}/metrics", http.boundAddress().getHostString() + ":"
                + http.boundAddress().getPort());
        LOG.info("{}", destinations);
    }

    /** Where alerts go, as said at start, e.g. "no receivers configured: alerts go to the event log FILE only". */
    public String destinations() {
        return destinations;
    }

    /** The current exposition, as a scrape would see it. */
    public String scrape() {
        return exposition.scrape();
    }

    public java.net.InetSocketAddress httpAddress() {
        return http.boundAddress();
    }

    @Override
    public void close() {
        lifecycle.close();
    }
}
