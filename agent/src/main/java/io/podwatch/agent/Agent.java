package io.podwatch.agent;

import io.podwatch.agent.http.HttpServer;
import io.podwatch.agent.http.PrometheusExposition;
import io.podwatch.agent.http.Routes;
import io.podwatch.agent.http.StatusPages;
import io.podwatch.collectors.audit.AuditComponents;
import io.podwatch.collectors.host.HostCollector;
import io.podwatch.collectors.host.HostSettings;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanModule;
import io.podwatch.collectors.posture.HostFiles;
import io.podwatch.collectors.posture.PostureCollector;
import io.podwatch.collectors.posture.PostureConfig;
import io.podwatch.collectors.posture.PostureDetector;
import io.podwatch.collectors.posture.PostureScanner;
import io.podwatch.collectors.posture.ProcessCommandRunner;
import io.podwatch.collectors.volume.VolumeModule;
import io.podwatch.collectors.volume.VolumeSettings;
import io.podwatch.collectors.volume.VolumeWatcher;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.agent.sink.Alerting;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.detect.restart.ContainerOomKilled;
import io.podwatch.core.detect.restart.ContainerRestartLoop;
import io.podwatch.core.detect.restart.RestartLoopSettings;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.detect.anomaly.AnomalyConfig;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.lifecycle.Lifecycle;
import io.podwatch.core.process.Detector;
import io.podwatch.core.process.ProcessingStage;
import io.podwatch.core.rules.volume.VolumeDetector;
import io.podwatch.core.rules.volume.VolumeRuleSettings;
import io.podwatch.core.volume.VolumeDirectory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the agent from a validated config: sources → processing stage → sinks, plus exposition.
 * Construction does no I/O; {@link #start()} starts everything in dependency order.
 */
public final class Agent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);
    private static final int QUEUE_CAPACITY = 10_000;

    private final Lifecycle lifecycle = new Lifecycle();
    private final HttpServer http;
    private final PrometheusExposition exposition;

    private Agent(Config config, HostEnv env, Clock clock, String version) throws ConfigException {
        AgentSettings settings = AgentSettings.from(config);
        LatestSamples latest = new LatestSamples();
        exposition = new PrometheusExposition(latest);
        var meters = exposition.meters();
        RestartLoopSettings restart = RestartLoopSettings.from(config);
        ContainerRestartLoop restartLoop = new ContainerRestartLoop(restart);
        // the host label tells a shared Alertmanager which agent of the fleet raised an alert
        Alerting alerting = Alerting.create(config, settings.stateDir(), settings.eventLog(),
                Map.of("host", HostName.read()), restartLoop, clock, meters, env.env());
        alerting.managed().forEach(lifecycle::add);
        boolean audit = AuditComponents.wanted(config);
        PostureConfig postureConfig = PostureConfig.from(config);
        PostureDetector postureDetector = new PostureDetector(postureConfig.alertMinSeverity());
        List<Detector> detectors = new ArrayList<>(List.of(restartLoop, new ContainerOomKilled(restart),
                new ContainerAnomalyDetector(AnomalyConfig.from(config), latest, restartLoop::looping)));
        if (audit) {
            detectors.add(AuditComponents.detector(config));
        }
        detectors.add(postureDetector);
        VolumeSettings volumeSettings = VolumeSettings.from(config);
        VolumeDirectory volumeDirectory = new VolumeDirectory();
        if (volumeSettings.enabled()) {
            detectors.add(new VolumeDetector(volumeDirectory, VolumeRuleSettings.from(config)));
        }
        detectors.add(alerting.pipeline()); // last: its tick sees this second's changes
        ProcessingStage stage = lifecycle.add(new ProcessingStage(latest, detectors, List.of(alerting.eventLog()),
                alerting.pipeline(), clock, QUEUE_CAPACITY, meters));
        CollectorRunner runner = new CollectorRunner(stage, clock, meters);
        Inventory inventory = new Inventory(clock);
        PodmanModule podman = PodmanModule.create(PodmanConfig.from(config, env), settings.stateDir(), inventory, stage,
                clock, meters);
        podman.managed().forEach(lifecycle::add);
        runner.add(lifecycle.add(podman.collector()), podman.schedule());
        if (audit) {
            AuditComponents a = AuditComponents.create(config, settings.stateDir(), stage, clock, podman.api());
            lifecycle.add(a.trail());
            runner.add(lifecycle.add(a.status()),
                    new CollectorRunner.Schedule(a.settings().statusInterval(), Duration.ofSeconds(10)));
        }
        if (volumeSettings.enabled()) {
            VolumeWatcher volumes = lifecycle.add(VolumeModule.watcher(volumeSettings, inventory, volumeDirectory,
                    audit, stage, clock));
            runner.add(volumes, VolumeModule.schedule(volumeSettings));
        }
        if (postureConfig.enabled()) {
            PostureCollector posture = lifecycle.add(new PostureCollector(new PostureScanner(podman.api(),
                    HostFiles.real(), new ProcessCommandRunner(), postureConfig.allow(), postureConfig.unusedDays(),
                    clock), postureConfig, clock));
            // the detector exists before the stage, the collector only after the Podman API
            postureDetector.bind(posture);
            runner.add(posture, posture.schedule());
        }
        HostSettings hostSettings = HostSettings.from(config);
        if (hostSettings.enabled()) {
            HostCollector host = lifecycle.add(new HostCollector(clock));
            runner.add(host, new CollectorRunner.Schedule(hostSettings.interval(), hostSettings.interval()));
        }
        lifecycle.add(runner);
        StatusPages pages = new StatusPages(runner::health, version);
        http = lifecycle.add(new HttpServer(settings.httpListen(), new Routes(Map.of(
                "/metrics", () -> new Routes.Response(200, PrometheusExposition.contentType(), exposition.scrapeBytes()),
                "/healthz", pages::healthz,
                "/", pages::statusPage))));
    }

    /** Wires the agent; a config error only visible across sections (e.g. a sink's TLS) is thrown here. */
    public static Agent assemble(Config config, HostEnv env, Clock clock, String version) throws ConfigException {
        return new Agent(config, env, clock, version);
    }

    public void start() throws Lifecycle.StartupException {
        lifecycle.start();
        LOG.info("podwatch started; metrics on http://{}/metrics", http.boundAddress().getHostString() + ":"
                + http.boundAddress().getPort());
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
