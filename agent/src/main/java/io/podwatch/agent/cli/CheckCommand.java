package io.podwatch.agent.cli;

import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.collectors.podman.PodmanConfig;
import io.podwatch.collectors.podman.api.ApiObserver;
import io.podwatch.collectors.podman.api.ApiStatusException;
import io.podwatch.collectors.podman.api.PodmanClient;
import io.podwatch.agent.AgentConfig;
import io.podwatch.collectors.podman.PodmanLocator;
import io.podwatch.collectors.exec.CommandRunner;
import io.podwatch.collectors.posture.HostFiles;
import io.podwatch.collectors.posture.PostureConfig;
import io.podwatch.collectors.posture.PostureScanner;
import io.podwatch.collectors.posture.report.PostureReport;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.model.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code podwatch check}: every posture check once, against the Podman {@code run} would use (the
 * configured socket, the host's, the running agent's own service, else a service of its own —
 * said on stderr), printed as a table, JSON or SARIF. Exit status 1 when a failing finding reaches
 * {@code --fail-on}; 3 for a bad config; 4 when Podman cannot be reached.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check every container and the host against the security recommendations, once.")
final class CheckCommand implements Callable<Integer> {
    /** The longest a host command may take in {@code check}, so it finishes in about 3 s. */
    static final java.time.Duration HOST_COMMANDS = java.time.Duration.ofMillis(1500);
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (grouped by container; coloured on a terminal), json or sarif.")
    String format;
    @CommandLine.Option(names = "--container", paramLabel = "NAME", description = "Only this container (name or id).")
    String container;
    @CommandLine.Option(names = "--min-severity", paramLabel = "S",
            description = "Only findings of this severity or above: info, low, medium, high, critical.")
    String minSeverity;
    @CommandLine.Option(names = "--fail-on", paramLabel = "S",
            description = "Exit 1 when a failing (not accepted) finding is of this severity or above.")
    String failOn;
    @CommandLine.Option(names = "--config", paramLabel = "FILE",
            description = "Config file: the Podman socket and posture.allow rules (default: embedded defaults).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        PostureReport.Format fmt;
        Severity min;
        Severity fail;
        try {
            fmt = PostureReport.Format.parse(format);
            min = severity(minSeverity);
            fail = severity(failOn);
        } catch (IllegalArgumentException e) {
            return PodwatchCommand.usage(spec, "expected --format table|json|sarif and severities info, low, "
                    + "medium, high or critical");
        }
        HostEnv env = ConfigFiles.hostEnv();
        Config c;
        try {
            c = ConfigFiles.load(config, env);
        } catch (ConfigException e) {
            return ConfigCommand.report(e, spec.commandLine().getErr());
        }
        PostureConfig posture = PostureConfig.from(c);
        PodmanConfig podman = PodmanConfig.from(c, env);
        PostureReport report;
        Path stateDir = AgentConfig.from(c).stateDir();
        try (PodmanLocator podmanAt = PodmanLocator.locate(podman, stateDir);
             PodmanApi api = new PodmanClient(podmanAt.socket(), podman.timeout(), ApiObserver.NONE)) {
            spec.commandLine().getErr().println("podwatch: checking Podman on " + podmanAt.socket() + " ("
                    + podmanAt.how() + ")");
            spec.commandLine().getErr().flush();
            // a one-off command answers in seconds: a host command that takes longer (apt-get -s upgrade
            // on a busy host) is reported as unknown, which the running agent's posture collector is not
            CommandRunner commands = new ProcessCommandRunner();
            CommandRunner capped = (argv, timeout) -> commands.run(argv, timeout.compareTo(HOST_COMMANDS) < 0
                    ? timeout : HOST_COMMANDS);
            PostureScanner scanner = new PostureScanner(api, HostFiles.real(), capped,
                    posture.allow(), posture.unusedDays(), Clock.systemUTC());
            report = new PostureReport(scanner.once(container)).filter(min, container);
        } catch (ApiStatusException e) {
            if (e.notFound() && container != null) {
                return PodwatchCommand.usage(spec, "no container named '" + container + "'");
            }
            spec.commandLine().getErr().println("podwatch: cannot check: " + e.getMessage());
            return ExitCode.FATAL_STARTUP;
        } catch (IOException e) {
            spec.commandLine().getErr().println("podwatch: cannot check: " + e.getMessage());
            return ExitCode.FATAL_STARTUP;
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean colour = fmt == PostureReport.Format.TABLE && System.console() != null && System.getenv("NO_COLOR") == null;
        out.print(report.render(fmt, colour));
        out.flush();
        return report.exitStatus(fail) == 0 ? ExitCode.OK : ExitCode.FINDINGS;
    }

    private static Severity severity(String s) {
        return s == null || s.isBlank() ? null : Severity.parse(s);
    }
}
