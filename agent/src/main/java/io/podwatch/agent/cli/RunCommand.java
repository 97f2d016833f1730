package io.podwatch.agent.cli;

import ch.qos.logback.classic.Level;
import io.podwatch.agent.Agent;
import io.podwatch.agent.AgentConfig;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.lifecycle.Lifecycle;
import io.podwatch.core.lifecycle.StartRefused;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code podwatch run}: the daemon. Runs until SIGTERM/SIGINT, then stops cleanly within seconds. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the agent in the foreground (as systemd and OpenRC expect). Exit codes: 0 ok, 2 usage, "
                + "3 bad config, 4 fatal start-up error.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @CommandLine.Option(names = "--config", paramLabel = "FILE", description = "Config file (default: embedded defaults).")
    Path file;

    @Override
    public Integer call() {
        String version = new VersionCommand.Provider().getVersion()[0];
        Agent agent;
        try {
            HostEnv env = ConfigFiles.hostEnv();
            Config config = ConfigFiles.load(file, env);
            setLogLevel(AgentConfig.from(config).logLevel());
            Agent.probe(config); // a second agent stops here, before anything is built
            agent = Agent.assemble(config, env, Clock.systemUTC(), version);
        } catch (ConfigException e) {
            return ConfigCommand.report(e, spec.commandLine().getErr());
        } catch (StartRefused e) {
            LOG.error("cannot start: {}", e.getMessage());
            return ExitCode.FATAL_STARTUP;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            LOG.info("stopping");
            agent.close();
            stopped.countDown();
        }, "podwatch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            agent.start();
        } catch (Lifecycle.StartupException e) {
            // one line, and no "stopping" after it: nothing was left running (start() closed it)
            Runtime.getRuntime().removeShutdownHook(hook);
            LOG.error("cannot start: {}", e.getMessage());
            return ExitCode.FATAL_STARTUP;
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCode.OK;
    }

    static void setLogLevel(String level) {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.toLevel(level));
    }
}
