package io.podwatch.agent.cli;

import io.podwatch.agent.AgentConfig;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.Durations;
import io.podwatch.core.text.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code podwatch events}: the event log as a person reads it, across rotated files. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Show the event log (events and alert state changes), oldest first, across rotated files.")
public final class EventsCommand implements Callable<Integer> {
    @Option(names = "--follow", description = "Keep printing new events as they are written.")
    boolean follow;
    @Option(names = "--since", paramLabel = "AGE|TIME", description = "Only events newer than this: a duration (30m, 1h, 2d) or an ISO time.")
    String since;
    @Option(names = "--kind", paramLabel = "KIND", description = "Only this event.kind: event, alert or state.")
    String kind;
    @Option(names = "--container", paramLabel = "NAME", description = "Only events of this container (name or id prefix).")
    String container;
    @Option(names = "--json", description = "Print the JSON lines unchanged.")
    boolean json;
    @Option(names = "--file", paramLabel = "PATH", description = "Event log to read (default: event-log of the config).")
    Path file;
    @Option(names = "--config", paramLabel = "FILE", description = "Config file naming the event-log (default: embedded defaults).")
    Path configFile;
    @Spec
    CommandSpec spec;

    private final Supplier<Path> configuredLog;
    private final Clock clock;

    /** As picocli creates it: the log path comes from {@code --file} or the config's {@code event-log}. */
    public EventsCommand() {
        this.configuredLog = null;
        this.clock = Clock.systemUTC();
    }

    /** @param configuredLog the {@code event-log} of the agent's config, resolved only when needed */
    public EventsCommand(Supplier<Path> configuredLog, Clock clock) {
        this.configuredLog = configuredLog;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Instant from = parseSince();
        if (kind != null && !kind.matches("event|alert|state")) {
            throw new ParameterException(spec.commandLine(), "--kind: found '" + kind + "', expected event, alert or state");
        }
        boolean colour = !json && System.console() != null && System.getenv("NO_COLOR") == null;
        Path log;
        if (file != null) {
            log = file;
        } else if (configuredLog != null) {
            log = configuredLog.get();
        } else {
            try {
                log = AgentConfig.from(ConfigFiles.load(configFile, ConfigFiles.hostEnv())).eventLog();
            } catch (ConfigException e) {
                return ConfigCommand.report(e, spec.commandLine().getErr());
            }
        }
        EventLogReader reader = new EventLogReader(log, new EventLogReader.EventFilter(from, kind, container),
                new EventFormat(json, colour), out);
        PrintWriter err = spec.commandLine().getErr();
        try {
            reader.check(follow);
            reader.run(follow, Duration.ofMillis(250));
        } catch (EventLogReader.NotALog e) {
            err.println("podwatch: " + Printable.escape(e.getMessage()));
            return ExitCode.USAGE;
        } catch (IOException e) {
            err.println("podwatch: cannot read the event log " + log + ": " + IoMessages.describe(e));
            return ExitCode.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.flush();
        }
        if (reader.skipped() > 0) {
            err.println("podwatch: skipped " + reader.skipped() + " line(s) of " + log + " that are not JSON events");
        }
        err.flush();
        return ExitCode.OK;
    }

    private Instant parseSince() {
        if (since == null) {
            return null;
        }
        try {
            return clock.instant().minus(Durations.parse(since));
        } catch (IllegalArgumentException e) {
            try {
                return Instant.parse(since);
            } catch (DateTimeParseException e2) {
                throw new ParameterException(spec.commandLine(), "--since: found '" + since
                        + "', expected a duration like 30m, 1h, 2d or an ISO time like 2026-01-02T03:04:05Z");
            }
        }
    }
}
