package io.podwatch.agent.cli;

import io.podwatch.agent.sink.eventlog.EcsJson;
import io.podwatch.collectors.audit.AuditLogParse;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.core.text.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code podwatch audit parse FILE... [--format json|text]}: offline audit log investigation. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with audit logs.",
        subcommands = {AuditCommand.Parse.class})
final class AuditCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "parse is required");
    }

    @Command(name = "parse", mixinStandardHelpOptions = true,
            description = "Parse audit logs offline (a rotated set is read oldest first: audit.log.3, .2, .1, "
                    + "audit.log) and print every assembled, decoded, attributed event.")
    static final class Parse implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @CommandLine.Parameters(paramLabel = "FILE", arity = "1..*", description = "audit.log files.")
        List<Path> files;
        @CommandLine.Option(names = "--format", defaultValue = "json",
                description = "json (one ECS event per line, default) or text.")
        String format;

        @Override
        public Integer call() throws InterruptedException {
            if (!format.equals("json") && !format.equals("text")) {
                spec.commandLine().getErr().println("podwatch: --format: '" + format + "' is not json or text");
                return ExitCode.USAGE;
            }
            for (Path f : files) {
                String problem = !Files.exists(f) ? "no such file"
                        : Files.isDirectory(f) ? "a directory; pass the files in it (e.g. " + f.resolve("audit.log") + ")"
                        : !Files.isRegularFile(f) ? "not a regular file"
                        : !Files.isReadable(f) ? "permission denied: run as root or as a member of adm" : null;
                if (problem != null) {
                    spec.commandLine().getErr().println("podwatch: cannot read " + Printable.escape(f.toString()) + " (" + problem + ")");
                    return ExitCode.USAGE;
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            boolean json = format.equals("json");
            try {
                AuditLogParse.Result r = new AuditLogParse(ContainerNames.none(), Clock.systemUTC())
                        .run(files, e -> out.println(json ? EcsJson.line(e) : AuditLogParse.text(e)));
                out.flush();
                spec.commandLine().getErr().printf("%d records, %d events, %d invalid lines, %d possibly lost%n",
                        r.records(), r.events(), r.parseErrors(), r.possiblyLost());
                if (r.records() == 0 && r.parseErrors() > 0) {
                    // nothing in the input was an audit record: the wrong file was given
                    spec.commandLine().getErr().println("podwatch: no audit records in " + Printable.escape(files.toString())
                            + ": every line is invalid; is this an audit log?");
                    return ExitCode.USAGE;
                }
                return ExitCode.OK;
            } catch (IOException e) {
                spec.commandLine().getErr().println("podwatch: reading audit logs failed: " + IoMessages.describe(e));
                return ExitCode.FATAL_STARTUP;
            }
        }
    }
}
