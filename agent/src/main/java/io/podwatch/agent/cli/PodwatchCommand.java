package io.podwatch.agent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code podwatch} command; each subcommand is one line in {@code subcommands}. */
@Command(name = "podwatch", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Watches a Podman host: container stats, audit trail, posture, anomalies; alerts operators.",
        subcommands = {
            RunCommand.class,
            ConfigCommand.class,
            EventsCommand.class,
            AuditCommand.class,
            CheckCommand.class,
            SprawlCommand.class,
            StatusCommand.class,
            BacktestCommand.class,
            VersionCommand.class,
            CommandLine.HelpCommand.class})
public final class PodwatchCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return usage(spec, "a command is required (try: podwatch run)");
    }

    /** Prints the problem and the command's usage to stderr; returns the usage exit code. */
    static int usage(CommandLine.Model.CommandSpec spec, String problem) {
        spec.commandLine().getErr().println("podwatch: " + problem);
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /**
     * Runs podwatch and flushes what it printed: picocli's writers buffer, and {@code System.exit}
     * does not flush them ({@code config show} used to print nothing).
     */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
        }
    }

    /** Builds the command line with podwatch's exit codes: 2 for usage errors, 4 for an unexpected failure. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PodwatchCommand());
        cl.setParameterExceptionHandler((e, args) -> {
            // one line naming the mistake and where help is; the whole usage buried it
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("podwatch: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName()
                    + " --help')");
            cmd.getErr().flush();
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            // a person reads this line: words, no Java class names; the trace only when asked for
            cmd.getErr().println("podwatch: " + cmd.getCommandName() + " failed: " + IoMessages.describe(e));
            if (Boolean.getBoolean("podwatch.trace")) {
                e.printStackTrace(cmd.getErr());
            }
            cmd.getErr().flush();
            return ExitCode.FATAL_STARTUP;
        });
        return cl;
    }
}
