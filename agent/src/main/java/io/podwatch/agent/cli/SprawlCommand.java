package io.podwatch.agent.cli;

import io.podwatch.agent.AgentConfig;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.PodmanLocator;
import io.podwatch.collectors.podman.api.ApiObserver;
import io.podwatch.collectors.podman.api.PodmanClient;
import io.podwatch.collectors.volume.VolumeWatcherConfig;
import io.podwatch.collectors.volume.scan.TreeSize;
import io.podwatch.collectors.volume.sprawl.PodmanSprawlFacts;
import io.podwatch.collectors.volume.sprawl.SprawlReport;
import io.podwatch.collectors.volume.sprawl.SprawlStateStore;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.sprawl.Sprawl;
import io.podwatch.core.sprawl.SprawlFacts;
import io.podwatch.core.sprawl.SprawlItem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code podwatch sprawl}: dangling volumes, volumes only stopped containers use, old stopped
 * containers and unused images, each with the command that would remove it — never run. Ages use
 * what the agent recorded in its state directory when it is there. Exit status 1 when there is
 * something to clean up, 0 when not; 3 for a bad config; 4 when Podman cannot be reached.
 */
@Command(name = "sprawl", mixinStandardHelpOptions = true,
        description = "List dangling volumes, old stopped containers and unused images, with the commands to remove them.")
final class SprawlCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json.")
    String format;
    @CommandLine.Option(names = "--days", paramLabel = "N",
            description = "Unused for at least N days (default: volumes.unused-days, 30).")
    Integer days;
    @CommandLine.Option(names = "--no-size", description = "Do not measure volume sizes (walks every volume).")
    boolean noSize;
    @CommandLine.Option(names = "--config", paramLabel = "FILE",
            description = "Config file: the Podman socket and state directory (default: embedded defaults).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        if (!format.equals("table") && !format.equals("json")) {
            return PodwatchCommand.usage(spec, "expected --format table|json");
        }
        if (days != null && days < 0) {
            return PodwatchCommand.usage(spec, "expected --days 0 or more");
        }
        HostEnv env = ConfigFiles.hostEnv();
        Config c;
        try {
            c = ConfigFiles.load(config, env);
        } catch (ConfigException e) {
            return ConfigCommand.report(e, spec.commandLine().getErr());
        }
        Duration unused = Duration.ofDays(days != null ? days : VolumeWatcherConfig.from(c).unusedDays());
        PodmanConfig podman = PodmanConfig.from(c, env);
        SprawlFacts facts;
        // Podman found exactly as check and run find it (the running agent's own service included)
        try (PodmanLocator podmanAt = PodmanLocator.locate(podman, AgentConfig.from(c).stateDir());
             PodmanApi api = new PodmanClient(podmanAt.socket(), podman.timeout(), ApiObserver.NONE)) {
            spec.commandLine().getErr().println("podwatch: reviewing Podman on " + podmanAt.socket() + " ("
                    + podmanAt.how() + ")");
            spec.commandLine().getErr().flush();
            facts = PodmanSprawlFacts.read(api);
        } catch (IOException e) {
            spec.commandLine().getErr().println("podwatch: cannot review sprawl: " + e.getMessage());
            return ExitCode.FATAL_STARTUP;
        }
        Instant now = Instant.now();
        var state = new SprawlStateStore(AgentConfig.from(c).stateDir()).load();
        List<SprawlItem> items = new ArrayList<>();
        for (SprawlItem i : Sprawl.analyse(facts, state, now, unused)) {
            items.add(i.kind().equals("volume") && !noSize ? withSize(i) : i);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? SprawlReport.json(items, unused, now) : SprawlReport.table(items, unused, now));
        out.flush();
        return items.isEmpty() ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static SprawlItem withSize(SprawlItem i) {
        try {
            long[] s = TreeSize.of(Path.of(i.id()));
            return new SprawlItem(i.kind(), i.name(), i.id(), i.reason(), i.since(), s[0], i.command());
        } catch (IOException | RuntimeException e) {
            return i; // not readable here (another user's storage): size unknown
        }
    }
}
