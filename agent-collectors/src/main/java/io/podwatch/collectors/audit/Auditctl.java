package io.podwatch.collectors.audit;

import io.podwatch.collectors.exec.CommandRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way podwatch asks the kernel about audit: {@code auditctl -s} (status) and {@code -l}
 * (rules), bounded in time and output by the {@link CommandRunner} (never a blocking pipe read,
 * so a hung auditctl cannot pin a collector thread). The audit status collector and the posture
 * host checks both read through it.
 */
public final class Auditctl {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final CommandRunner runner;
    private final List<String> command;

    /** @param command the auditctl executable and any leading arguments, e.g. {@code [auditctl]} */
    public Auditctl(CommandRunner runner, List<String> command) {
        this.runner = runner;
        this.command = List.copyOf(command);
    }

    /** auditctl from PATH. */
    public static Auditctl onPath(CommandRunner runner) {
        return new Auditctl(runner, List.of("auditctl"));
    }

    /** {@code auditctl -s}: enabled, lost, backlog... */
    public CommandRunner.Result status() throws InterruptedException {
        return run("-s");
    }

    /** {@code auditctl -l}: the loaded rules, or "No rules". */
    public CommandRunner.Result rules() throws InterruptedException {
        return run("-l");
    }

    /** Both, parsed; empty when auditctl is missing or not permitted (expected on some hosts). */
    public Optional<AuditStatus> kernel() throws InterruptedException {
        CommandRunner.Result s = status();
        if (!s.ok()) {
            return Optional.empty();
        }
        CommandRunner.Result l = rules();
        return Optional.of(AuditStatus.parse(s.stdout(), l.ok() ? l.stdout() : null));
    }

    private CommandRunner.Result run(String arg) throws InterruptedException {
        List<String> argv = new ArrayList<>(command);
        argv.add(arg);
        return runner.run(argv, TIMEOUT);
    }
}
