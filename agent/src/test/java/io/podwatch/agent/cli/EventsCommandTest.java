package io.podwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podwatch.agent.sink.eventlog.EcsJson;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EventsCommandTest {
    @TempDir
    Path dir;
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T02:00:00Z"), ZoneOffset.UTC);

    private static String line(String time, EventKind kind, String container, String msg) {
        return EcsJson.line(new Event(Instant.parse(time), kind, "a-" + msg, "process", Severity.HIGH, "podman",
                new ContainerRef("id-" + container, container, "", ""), msg, Map.of())) + "\n";
    }

    private String run(String... args) {
        StringWriter sw = new StringWriter();
        CommandLine cl = new CommandLine(new EventsCommand(() -> dir.resolve("events.jsonl"), clock));
        cl.setOut(new PrintWriter(sw));
        assertThat(cl.execute(args)).isZero();
        return sw.toString();
    }

    @Test
    void readsRotatedFilesOldestFirstAndFilters() throws Exception {
        Files.writeString(dir.resolve("events.jsonl.2"), line("2026-01-01T00:00:00Z", EventKind.EVENT, "web", "one"));
        Files.writeString(dir.resolve("events.jsonl.1"), line("2026-01-01T01:30:00Z", EventKind.ALERT, "db", "two") + "not json\n");
        Files.writeString(dir.resolve("events.jsonl"), line("2026-01-01T01:45:00Z", EventKind.EVENT, "web", "three"));
        assertThat(run().lines().map(l -> l.substring(l.lastIndexOf(' ') + 1))).containsExactly("one", "two", "three");
        assertThat(run("--since", "1h")).doesNotContain("one").contains("two", "three");
        assertThat(run("--kind", "alert")).contains("two").doesNotContain("three");
        assertThat(run("--container", "web")).contains("one", "three").doesNotContain("two");
        assertThat(run("--json", "--container", "db").strip()).startsWith("{\"@timestamp\"");
    }

    @Test
    void rejectsBadArguments() {
        CommandLine cl = new CommandLine(new EventsCommand(() -> dir.resolve("events.jsonl"), clock));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute("--since", "yesterday")).isNotZero();
        assertThat(err.toString()).contains("--since: found 'yesterday'");
    }

    @Test
    void followsAcrossRotation() throws Exception {
        Path log = dir.resolve("events.jsonl");
        Files.writeString(log, line("2026-01-01T01:00:00Z", EventKind.EVENT, "web", "first"));
        StringWriter sw = new StringWriter();
        PrintWriter out = new PrintWriter(sw);
        EventLogReader r = new EventLogReader(log, new EventLogReader.EventFilter(null, null, null), new EventFormat(false, false), out);
        Thread t = new Thread(() -> {
            try {
                r.run(true, java.time.Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        await().until(() -> sw.toString().contains("first"));
        Files.writeString(log, line("2026-01-01T01:00:01Z", EventKind.EVENT, "web", "second"), StandardOpenOption.APPEND);
        Files.move(log, dir.resolve("events.jsonl.1"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(log, line("2026-01-01T01:00:02Z", EventKind.EVENT, "web", "third"));
        await().until(() -> sw.toString().contains("third"));
        t.interrupt();
        t.join(2000);
        assertThat(sw.toString().lines().map(l -> l.substring(l.lastIndexOf(' ') + 1))).containsExactly("first", "second", "third");
    }
}
