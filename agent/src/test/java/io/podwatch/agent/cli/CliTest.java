package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest extends CapturedCli {
    @Test
    void versionAndHelp() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).startsWith("podwatch ");
        assertThat(run("run", "--help")).isZero();
        assertThat(out.toString()).contains("--config");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("frobnicate")).isEqualTo(ExitCode.USAGE);
        assertThat(run()).isEqualTo(ExitCode.USAGE);
        assertThat(run("config", "validate")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void invalidConfigExitsThreeListingEveryError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "http:\n  listen: nowhere\nlog-level: loud\nfoo: 1\n");
        assertThat(run("config", "validate", f.toString())).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(err.toString())
                .contains(f + ":2: http.listen: found 'nowhere', expected host:port")
                .contains(f + ":3: log-level: found 'loud', expected one of error, warn, info, debug, trace")
                .contains(f + ":4: foo: expected a known key");
        assertThat(run("run", "--config", f.toString())).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(run("config", "validate", dir.resolve("missing.yaml").toString())).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(err.toString()).contains("missing.yaml: expected an existing file");
    }

    @Test
    void shippedSampleConfigIsValid() {
        assertThat(run("config", "validate", "../packaging/podwatch.yaml")).as(err.toString()).isZero();
    }

    @Test
    void showPrintsEffectiveConfigWithDefaults(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ok.yaml");
        Files.writeString(f, "http:\n  listen: 127.0.0.1:19883\n");
        assertThat(run("config", "validate", f.toString())).isZero();
        assertThat(run("config", "show", "--config", f.toString())).isZero();
        assertThat(out.toString()).contains("listen: 127.0.0.1:19883").contains("log-level: info")
                .contains("interval: 15s");
    }
}
