package io.podwatch.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code podwatch version}: the release and commit the agent was built from, and the Java runtime. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the release, the commit it was built from and the Java runtime.")
final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return ExitCode.OK;
    }

    /** Reads what the build wrote into {@code podwatch/version.properties}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = VersionCommand.class.getResourceAsStream("/podwatch/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // a jar that cannot read its own resource still prints "unknown" below
            }
            String commit = value(p, "commit");
            String build = commit.equals("unknown") ? "commit unknown"
                    : "commit " + commit + ("true".equals(p.getProperty("dirty")) ? "-dirty" : "") + ", " + value(p, "date");
            return new String[] {"podwatch " + value(p, "release") + " (" + build + ")",
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }

        /** A property the build did not fill in (no git at build time) reads "unknown". */
        private static String value(Properties p, String key) {
            String v = p.getProperty(key, "");
            return v.isBlank() || v.startsWith("${") ? "unknown" : v;
        }
    }
}
