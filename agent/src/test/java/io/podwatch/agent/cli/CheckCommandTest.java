package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code podwatch check} arguments and failures that need no Podman; {@link CheckCommandIT} runs it for real. */
class CheckCommandTest extends CapturedCli {
    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("check", "--format", "xml")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("expected --format table|json|sarif");
        assertThat(run("check", "--fail-on", "severe")).isEqualTo(ExitCode.USAGE);
        assertThat(run("check", "--help")).isZero();
        assertThat(out.toString()).contains("--fail-on").contains("--min-severity").contains("--container");
    }

    @Test
    void badConfigAndUnreachablePodman(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "posture:\n  allow:\n    - check: PW-C-NOPE\n      reason: x\n");
        assertThat(run("check", "--config", bad.toString())).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(err.toString()).contains("posture.allow[0].check: found 'PW-C-NOPE'");
        Path nowhere = dir.resolve("nowhere.yaml");
        Files.writeString(nowhere, "podman:\n  socket: unix://" + dir.resolve("none.sock") + "\n");
        assertThat(run("check", "--config", nowhere.toString())).isEqualTo(ExitCode.FATAL_STARTUP);
        assertThat(err.toString()).contains("podwatch: cannot check:");
    }
}
