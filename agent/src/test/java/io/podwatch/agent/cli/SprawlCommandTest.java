package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podwatch sprawl} arguments and failures that need no Podman; {@link SprawlCommandIT} runs it for real. */
class SprawlCommandTest extends CapturedCli {
    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("sprawl", "--format", "xml")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("expected --format table|json");
        assertThat(run("sprawl", "--days", "-1")).isEqualTo(ExitCode.USAGE);
        assertThat(run("sprawl", "--help")).isZero();
        assertThat(out.toString()).contains("--days").contains("--no-size").contains("--format");
    }

    @Test
    void unreachablePodmanIsAFatalError(@TempDir Path dir) throws Exception {
        Path nowhere = dir.resolve("nowhere.yaml");
        Files.writeString(nowhere, "podman:\n  socket: unix://" + dir.resolve("none.sock") + "\n");
        assertThat(run("sprawl", "--config", nowhere.toString())).isEqualTo(ExitCode.FATAL_STARTUP);
        assertThat(err.toString()).contains("podwatch: cannot review sprawl:");
    }
}
