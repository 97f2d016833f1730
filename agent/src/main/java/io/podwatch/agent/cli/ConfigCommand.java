package io.podwatch.agent.cli;

import io.podwatch.agent.Agent;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code podwatch config validate|show}. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Validate or show configuration.",
        subcommands = {ConfigCommand.Validate.class, ConfigCommand.Show.class})
final class ConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return PodwatchCommand.usage(spec, "validate or show is required");
    }

    /** Prints every error, one per line, and returns the bad-config exit code. */
    static int report(ConfigException e, PrintWriter err) {
        err.println("podwatch: invalid configuration:");
        // in file order, as an editor shows them (file-level problems first)
        e.errors().stream().sorted(java.util.Comparator.comparing(ConfigError::file).thenComparingInt(ConfigError::line))
                .forEach(x -> err.println("  " + x));
        err.flush();
        return ExitCode.BAD_CONFIG;
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a config file; print every error with its line. Exit 0 if valid, 3 if not.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(paramLabel = "FILE", description = "The YAML config file.")
        Path file;

        @Override
        public Integer call() {
            try {
                HostEnv env = ConfigFiles.hostEnv();
                Config c = ConfigFiles.load(file, env);
                // wiring checks what one key alone cannot (a password without TLS); it does no I/O
                Agent.assemble(c, env, Clock.systemUTC(), "validate").close();
                spec.commandLine().getOut().println(file + ": valid");
                return ExitCode.OK;
            } catch (ConfigException e) {
                return report(e, spec.commandLine().getErr());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print the effective configuration (defaults filled in, secrets redacted).")
    static final class Show implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Option(names = "--config", paramLabel = "FILE", description = "Config file (default: embedded defaults).")
        Path file;

        @Override
        public Integer call() {
            try {
                Config c = ConfigFiles.load(file, ConfigFiles.hostEnv());
                DumperOptions o = new DumperOptions();
                o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
                o.setIndent(2);
                PrintWriter out = spec.commandLine().getOut();
                out.print(new Yaml(o).dump(c.toShow()));
                out.flush();
                return ExitCode.OK;
            } catch (ConfigException e) {
                return report(e, spec.commandLine().getErr());
            }
        }
    }
}
