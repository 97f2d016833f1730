package io.podwatch.collectors.podman.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to run the {@code podman} binary: the executable, global arguments placed before the
 * sub-command (tests pass {@code --root/--runroot} of their harness) and extra environment.
 */
public record PodmanCommand(String executable, List<String> globalArgs, Map<String, String> env) {
    public PodmanCommand {
        if (executable == null || executable.isBlank()) {
            throw new IllegalArgumentException("podman executable must not be empty");
        }
        globalArgs = List.copyOf(globalArgs);
        env = Map.copyOf(env);
    }

    public static PodmanCommand of(String executable) {
        return new PodmanCommand(executable, List.of(), Map.of());
    }

    /** The full argv for {@code podman <globalArgs> <args>}. */
    public List<String> argv(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(globalArgs);
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The executable's path when it is installed: an absolute path as given, else searched on PATH. */
    public Optional<Path> installed() {
        if (executable.contains("/")) {
            Path p = Path.of(executable);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/local/bin:/usr/bin:/bin";
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, executable))) {
                return Optional.of(Path.of(dir, executable));
            }
        }
        return Optional.empty();
    }
}
