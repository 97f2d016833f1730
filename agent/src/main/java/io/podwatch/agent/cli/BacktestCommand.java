package io.podwatch.agent.cli;

import io.podwatch.core.config.ConfigException;
import io.podwatch.core.detect.AnomalyScorer;
import io.podwatch.core.detect.anomaly.AnomalyConfig;
import io.podwatch.core.detect.anomaly.Signal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code podwatch backtest}: the live agent's detector, with the live config, over a history CSV —
 * for tuning sensitivity on one's own data, and what the NAB benchmark runs.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Score a timestamp,value CSV with the live anomaly detector; print timestamp,value,anomaly_score.")
final class BacktestCommand implements Callable<Integer> {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm:ss[.SSSSSS]");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "CSV with a header and columns timestamp,value (timestamps ISO-8601 or epoch seconds).")
    Path csv;
    @CommandLine.Option(names = "--signal", paramLabel = "NAME", defaultValue = "cpu",
            description = "Signal whose settings apply: cpu, memory, block_read, block_write, net_rx, net_tx, pids.")
    String signal;
    @CommandLine.Option(names = "--config", paramLabel = "FILE", description = "Config file (default: embedded defaults).")
    Path config;
    @CommandLine.Option(names = "--container", paramLabel = "NAME",
            description = "Apply the anomaly.overrides that match this container name, as the live agent would.")
    String container;

    @Override
    public Integer call() {
        AnomalyScorer detector;
        try {
            AnomalyConfig anomaly = AnomalyConfig.from(ConfigFiles.load(config, ConfigFiles.hostEnv()));
            Signal s = Signal.parse(signal);
            detector = new AnomalyScorer(container == null ? anomaly.detectorSettings(s)
                    : anomaly.policy(container, s).detector());
        } catch (IllegalArgumentException e) {
            return PodwatchCommand.usage(spec, "unknown signal '" + signal + "'");
        } catch (ConfigException e) {
            return ConfigCommand.report(e, spec.commandLine().getErr());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return score(in, out, detector);
        } catch (IOException e) {
            spec.commandLine().getErr().println("podwatch: cannot read " + csv + ": " + IoMessages.describe(e));
            return ExitCode.USAGE;
        } finally {
            out.flush();
        }
    }

    /** One output row per input row, in order; the first bad row stops the run with its line number. */
    private int score(BufferedReader in, PrintWriter out, AnomalyScorer detector) throws IOException {
        String header = in.readLine();
        if (header == null || !header.replace(" ", "").startsWith("timestamp,value")) {
            spec.commandLine().getErr().println("podwatch: " + csv + ":1: expected the header timestamp,value");
            return ExitCode.USAGE;
        }
        out.write("timestamp,value,anomaly_score\n");
        int lineNo = 1;
        for (String line; (line = in.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            int c = line.indexOf(',');
            try {
                String ts = line.substring(0, c).trim();
                String v = line.substring(c + 1).trim();
                double value = Double.parseDouble(v);
                if (!Double.isFinite(value)) {
                    throw new NumberFormatException("not finite");
                }
                double score = detector.update(epochMillis(ts), value);
                out.write(ts + ',' + v + ',' + score + '\n');
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("podwatch: " + csv + ":" + lineNo
                        + ": expected timestamp,value with a finite number (found '" + line + "')");
                return ExitCode.USAGE;
            }
        }
        return ExitCode.OK;
    }

    /** Zone-less timestamps are read as UTC: the same instant wherever the backtest runs. */
    static long epochMillis(String ts) {
        if (ts.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(ts) * 1000;
        }
        try {
            return Instant.parse(ts).toEpochMilli();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(ts, LOCAL).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
    }
}
