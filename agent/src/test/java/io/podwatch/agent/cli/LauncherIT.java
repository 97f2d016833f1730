package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.agent.testing.AgentProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands through the real launcher (packaging/podwatch, the production jar, System.exit):
 * what a user sees on stdout and stderr and the exit code. In-process tests cannot show a lost
 * flush: {@code config show} once printed nothing here while its in-process test passed.
 */
class LauncherIT {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Run launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("sh", Path.of("..", "packaging", "podwatch").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        pb.environment().put("PODWATCH_JAR", AgentProcess.JAR.toAbsolutePath().toString());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void configShowPrintsTheWholeConfigWithAndWithoutAFile() throws Exception {
        Run r = launch("config", "show");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("state-dir: ").contains("listen: 127.0.0.1:9883").contains("\nanomaly:\n");
        Path f = Files.writeString(dir.resolve("c.yaml"), "alerts:\n  webhooks:\n    - url: https://u:secret@hooks.example/x?token=t0k\n");
        r = launch("config", "show", "--config", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("url: https://<redacted>@hooks.example/x?<redacted>").doesNotContain("u:secret").doesNotContain("t0k");
    }

    @Test
    void versionNamesTheReleaseAndTheCommit() throws Exception {
        Run r = launch("version");
        assertThat(r.code()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).startsWith("podwatch 0.").doesNotContain("dev").contains("commit ");
    }

    @Test
    void exitCodesMatchTheReadmeTable() throws Exception {
        assertThat(launch("frobnicate").code()).isEqualTo(ExitCode.USAGE);
        Run r = launch("config", "validate", "/dev/urandom");
        assertThat(r.code()).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(r.err()).contains("/dev/urandom: expected a regular file").doesNotContain("Exception");
        r = launch("events", "--file", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("is a directory").doesNotContain("Exception");
        r = launch("audit", "parse", dir.toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains(dir.toString()).doesNotContain("Exception");
    }

    @Test
    void eventsPrintsTheLogAsAPersonReadsIt() throws Exception {
        Path log = dir.resolve("events.jsonl");
        Files.writeString(log, "{\"@timestamp\":\"2026-01-01T00:00:02Z\",\"event\":{\"kind\":\"event\",\"action\":\"died\"},"
                + "\"container\":{\"id\":\"" + "f".repeat(64) + "\"},\"message\":\"exit 1\\u001b[31m\"}\n"
                + "{\"@timestamp\":\"2026-01-01T00:00:01Z\",\"event\":{\"kind\":\"event\",\"action\":\"start\"},"
                + "\"container\":{\"name\":\"web\"},\"message\":\"started\"}\n");
        Run r = launch("events", "--file", log.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(" web ").endsWith("started");
        assertThat(lines.get(1)).contains(" " + "f".repeat(12) + " ").endsWith("exit 1\\x1b[31m");
    }
}
