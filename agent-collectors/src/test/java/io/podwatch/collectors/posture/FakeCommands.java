package io.podwatch.collectors.posture;

import io.podwatch.collectors.exec.CommandRunner;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers commands from a map keyed by the command line; anything else "is not installed". */
final class FakeCommands implements CommandRunner {
    private final Map<String, Result> answers = new HashMap<>();

    FakeCommands answer(String commandLine, String stdout) {
        answers.put(commandLine, new Result(0, stdout, ""));
        return this;
    }

    @Override
    public Result run(List<String> argv, Duration timeout) {
        return answers.getOrDefault(String.join(" ", argv), new Result(-1, "", "cannot run " + argv.get(0) + ": not found"));
    }
}
