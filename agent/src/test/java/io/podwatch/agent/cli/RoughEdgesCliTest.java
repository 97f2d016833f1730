package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.agent.sink.eventlog.EcsJson;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user hit first (issue 13 items 1, 7, 9, 10; issue 14 items 4, 5, 8), each as the user saw it. */
class RoughEdgesCliTest extends CapturedCli {
    @TempDir
    Path dir;

    private static String event(String time, EventKind kind, ContainerRef c, String msg, Map<String, Object> fields) {
        return EcsJson.line(new Event(Instant.parse(time), kind, "act", "process", Severity.HIGH, "podman", c, msg, fields)) + "\n";
    }

    @Test
    void aBadOptionIsOneLineNamingItAndWhereHelpIs() {
        assertThat(run("events", "--bogus")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString().strip()).isEqualTo("podwatch: Unknown option: '--bogus' (see 'podwatch events --help')");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void configShowPrintsTheConfigAndHidesUrlCredentials() throws Exception {
        assertThat(run("config", "show")).isZero();
        assertThat(out.toString()).contains("listen: 127.0.0.1:9883");
        Path f = dir.resolve("hook.yaml");
        Files.writeString(f, "alerts:\n  webhooks:\n    - url: http://user:pass@hooks.example:8080/hook?token=s3cret\n");
        assertThat(run("config", "show", "--config", f.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("url: http://<redacted>@hooks.example:8080/hook?<redacted>")
                .doesNotContain("user:pass").doesNotContain("s3cret");
    }

    @Test
    void configErrorsComeInLineOrderAndNeverEchoUrlSecrets() throws Exception {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "log-level: loud\nfoo: 1\nalerts:\n  webhooks:\n    - url: ftp://u:pw@h/x?t=1\nhttp:\n  listen: nowhere\n");
        assertThat(run("config", "validate", f.toString())).isEqualTo(ExitCode.BAD_CONFIG);
        String e = err.toString();
        assertThat(e).doesNotContain("pw@").doesNotContain("t=1");
        assertThat(e.indexOf(":1: log-level")).isLessThan(e.indexOf(":2: foo")).isPositive();
        assertThat(e.indexOf(":2: foo")).isLessThan(e.indexOf(":7: http.listen"));
    }

    @Test
    void specialAndOversizedConfigFilesAreRefusedBeforeReading() throws Exception {
        assertThat(run("config", "validate", "/dev/urandom")).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(err.toString()).contains("/dev/urandom: expected a regular file; it is a device, FIFO or socket");
        Path fifo = dir.resolve("fifo.yaml");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(run("config", "validate", fifo.toString())).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(err.toString()).contains("fifo.yaml: expected a regular file");
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile r = new RandomAccessFile(big.toFile(), "rw")) {
            r.setLength(50L * 1024 * 1024);
        }
        assertThat(run("config", "validate", big.toString())).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(err.toString()).contains("big.yaml: expected a config file of at most 1024 KiB; it has 52428800 bytes");
        assertThat(run("config", "show", "--config", dir.toString())).isEqualTo(ExitCode.BAD_CONFIG);
        assertThat(err.toString()).contains("expected a regular file; it is a directory").doesNotContain("Exception");
    }

    @Test
    void versionNamesReleaseAndCommit() {
        assertThat(run("version")).isZero();
        assertThat(out.toString().lines().findFirst().orElseThrow())
                .matches("podwatch \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\((commit [0-9a-f]{7,}(-dirty)?, \\d{4}-\\d{2}-\\d{2}|commit unknown)\\)");
    }

    @Test
    void eventsRefusesWhatIsNotAnEventLog() throws Exception {
        assertThat(run("events", "--file", dir.resolve("missing.jsonl").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no event log at " + dir.resolve("missing.jsonl"));
        assertThat(run("events", "--file", dir.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains(dir + " is a directory").doesNotContain("IOException");
    }

    @Test
    void eventsPrintsOneEscapedLinePerEventInTimeOrder() throws Exception {
        Path log = dir.resolve("events.jsonl");
        String longId = "a".repeat(64);
        ContainerRef evil = new ContainerRef("b".repeat(64), "nl\nauid=0 x\u001b[31mRED", "", "");
        Files.writeString(dir.resolve("events.jsonl.1"), event("2026-01-01T00:00:02Z", EventKind.EVENT, null, "second", Map.of())
                + "not json\n42\n" + event("2026-01-01T00:00:04Z", EventKind.EVENT, evil, "fourth", Map.of()));
        Files.writeString(log, event("2026-01-01T00:00:01Z", EventKind.EVENT, new ContainerRef(longId, "", "", ""), "first", Map.of())
                + event("2026-01-01T00:00:03Z", EventKind.ALERT, null, "[firing] PostureCheckFailing",
                        Map.of("labels.check", "PW-C-ROOT-USER", "labels.container", "web", "labels.alertname", "PostureCheckFailing"))
                + event("2026-01-01T00:00:05Z", EventKind.EVENT, null, "file http://u:p@h/x?k=v", Map.of()));
        assertThat(run("events", "--file", log.toString())).as(err.toString()).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).contains(" " + "a".repeat(12) + " ").doesNotContain("a".repeat(13)).endsWith("first");
        assertThat(lines[1]).endsWith("second");
        assertThat(lines[2]).contains(" web ").contains("[firing] PostureCheckFailing check=PW-C-ROOT-USER");
        assertThat(lines[3]).contains("nl\\nauid=0 x\\x1b[31mRED").doesNotContain("\u001b");
        assertThat(lines[4]).contains("file http://<redacted>@h/x?<redacted>");
        assertThat(err.toString()).contains("skipped 2 line(s)");
    }

    @Test
    void sinceReadsOnlyTheRecentEndOfALargeLog() throws Exception {
        Path log = dir.resolve("events.jsonl");
        StringBuilder sb = new StringBuilder();
        Instant t0 = Instant.now().minusSeconds(3 * 3600);
        for (int i = 0; i < 20_000; i++) {
            sb.append(event(t0.plusMillis(i * 500L).toString(), EventKind.EVENT, null, "n" + i, Map.of()));
        }
        Files.writeString(log, sb.toString());
        long size = Files.size(log);
        try (var ch = java.nio.channels.FileChannel.open(log)) {
            long from = SinceScan.startOffset(log, ch, t0.plusMillis(19_000 * 500L));
            assertThat(from).isGreaterThan(size / 2).isLessThan(size);
            ch.position(from);
            assertThat(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).charAt((int) from - 1)).isEqualTo('\n');
        }
        assertThat(run("events", "--file", log.toString(), "--since", t0.plusMillis(19_990 * 500L).toString())).isZero();
        assertThat(out.toString().lines().map(l -> l.substring(l.lastIndexOf(' ') + 1)))
                .containsExactly("n19990", "n19991", "n19992", "n19993", "n19994", "n19995", "n19996", "n19997", "n19998", "n19999");
    }

    @Test
    void sinceSkipsOldRotatedFilesAndKeepsTimeOrderAcrossThem() throws Exception {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        StringBuilder old = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            old.append(event(t0.plusSeconds(i).toString(), EventKind.EVENT, null, "old" + i, Map.of()));
        }
        Files.writeString(dir.resolve("events.jsonl.2"), old.toString());
        Files.writeString(dir.resolve("events.jsonl.1"), event(t0.plusSeconds(3600).toString(), EventKind.EVENT, null, "b", Map.of())
                + event(t0.plusSeconds(3602).toString(), EventKind.EVENT, null, "d", Map.of()));
        // written after the rotation, happened before the last line of .1 (an audit record arriving late)
        Files.writeString(dir.resolve("events.jsonl"), event(t0.plusSeconds(3601).toString(), EventKind.EVENT, null, "c", Map.of())
                + event(t0.plusSeconds(3603).toString(), EventKind.EVENT, null, "e", Map.of()));
        assertThat(SinceScan.recentLines(dir.resolve("events.jsonl.2"), t0.plusSeconds(3600))).isEmpty();
        assertThat(run("events", "--file", dir.resolve("events.jsonl").toString(), "--since", t0.plusSeconds(3600).toString())).isZero();
        assertThat(out.toString().lines().map(l -> l.substring(l.lastIndexOf(' ') + 1))).containsExactly("b", "c", "d", "e");
    }

    @Test
    void auditParseExitCodesFollowTheReadmeTable() throws Exception {
        assertThat(run("audit", "parse", dir.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("cannot read " + dir + " (a directory");
        Path junk = dir.resolve("junk.log");
        Files.writeString(junk, "hello\nworld\n");
        assertThat(run("audit", "parse", junk.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no audit records in").contains("is this an audit log?");
    }

    @Test
    void auditParseTextEscapesHostileFileNames() throws Exception {
        Path hostile = Files.createFile(dir.resolve("nl\nauid=0 x"));
        Path red = Files.createFile(dir.resolve("\u001b[31mRED\u001b[0m"));
        StringBuilder log = new StringBuilder();
        int serial = 70;
        for (Path p : new Path[] {hostile, red}) {
            String hex = HexFormat.of().withUpperCase().formatHex(p.toString().getBytes(StandardCharsets.UTF_8));
            log.append("type=SYSCALL msg=audit(1492037291.036:").append(serial).append("): arch=c000003e syscall=257 success=yes exit=3 ")
                    .append("a0=1 a1=2 a2=3 a3=4 items=1 ppid=1 pid=2 auid=1000 uid=1000 gid=1000 euid=1000 suid=1000 fsuid=1000 ")
                    .append("egid=1000 sgid=1000 fsgid=1000 tty=pts1 ses=1 comm=\"cat\" exe=\"/usr/bin/cat\" key=\"watched\"\n")
                    .append("type=PATH msg=audit(1492037291.036:").append(serial).append("): item=0 name=").append(hex)
                    .append(" inode=1 dev=08:01 mode=0100644\n");
            serial++;
        }
        Path audit = dir.resolve("audit.log");
        Files.writeString(audit, log.toString());
        assertThat(run("audit", "parse", "--format", "text", audit.toString())).as(err.toString()).isZero();
        assertThat(out.toString().lines()).hasSize(2);
        assertThat(out.toString()).contains("nl\\nauid=0 x").contains("\\x1b[31mRED\\x1b[0m").doesNotContain("\u001b");
    }

    @Test
    void unexpectedFailuresNameNoJavaClass() {
        assertThat(run("backtest", "--csv", dir.resolve("nope.csv").toString())).isNotZero();
        assertThat(err.toString()).doesNotContainPattern("[A-Z][a-zA-Z]+Exception").doesNotContain("java.");
    }
}
