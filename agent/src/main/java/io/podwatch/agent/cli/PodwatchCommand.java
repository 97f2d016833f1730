package io.podwatch.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code podwatch} command; each subcommand is one line in {@code subcommands}. */
@Command(name = "podwatch", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Watches a Podman host: container stats, audit trail, posture, anomalies; alerts operators.",
        subcommands = {RunCommand.class, ConfigCommand.class, AuditCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class PodwatchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (try: podwatch run)");
    }

    /** Builds the command line with podwatch's exit codes: 2 for usage errors. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PodwatchCommand());
        cl.setExitCodeExceptionMapper(e -> ExitCode.FATAL_STARTUP);
        return cl;
    }
}
