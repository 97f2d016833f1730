package io.podwatch.agent;

import io.podwatch.agent.cli.PodwatchCommand;

/** Entry point: parses the command line and exits with the command's code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(PodwatchCommand.execute(args));
    }
}
