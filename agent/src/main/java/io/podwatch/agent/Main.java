package io.podwatch.agent;

import io.podwatch.agent.cli.PodwatchCommand;
import io.podwatch.core.lifecycle.NamedThreads;

/** Entry point: parses the command line and exits with the command's code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // threads not made through NamedThreads (netty's, libraries') report their death too
        Thread.setDefaultUncaughtExceptionHandler(NamedThreads.UNCAUGHT);
        System.exit(PodwatchCommand.execute(args));
    }
}
