package io.podwatch.agent.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
    @TempDir
    Path dir;

    private static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsOrderAcrossReopenAndDiscardsTornWrites() throws Exception {
        Outbox o = new Outbox(dir.resolve("hook"));
        o.open();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        o.append("a", t, body("1"));
        o.append("b", t, body("2"));
        o.append("c", t.plusSeconds(1), body("3"));
        Files.writeString(dir.resolve("hook/.tmp-d"), "{\"torn");
        Outbox again = new Outbox(dir.resolve("hook"));
        assertThat(again.open()).isEmpty();
        assertThat(again.size()).isEqualTo(3);
        assertThat(Files.exists(dir.resolve("hook/.tmp-d"))).isFalse();
        Outbox.Entry first = again.oldest().orElseThrow();
        assertThat(first.id()).isEqualTo("a");
        assertThat(new String(again.read(first), StandardCharsets.UTF_8)).isEqualTo("1");
        again.remove(first);
        assertThat(again.oldest().orElseThrow().id()).isEqualTo("b");
        assertThat(Files.list(dir.resolve("hook")).count()).isEqualTo(2);
    }

    @Test
    void dropsOldestBeyondCountSizeAndAge() throws Exception {
        Outbox o = new Outbox(dir.resolve("hook"));
        o.open();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            o.append("n" + i, t.plusSeconds(i), body("x".repeat(10)));
        }
        assertThat(o.enforce(new OutboxLimits(3, 1000, Duration.ofDays(1)), t)).extracting(Outbox.Entry::id)
                .containsExactly("n0", "n1");
        assertThat(o.enforce(new OutboxLimits(10, 20, Duration.ofDays(1)), t)).extracting(Outbox.Entry::id)
                .containsExactly("n2");
        assertThat(o.enforce(new OutboxLimits(10, 1000, Duration.ofSeconds(2)), t.plusSeconds(6))).extracting(Outbox.Entry::id)
                .containsExactly("n3");
        assertThat(o.size()).isEqualTo(1);
        assertThat(Files.list(dir.resolve("hook")).count()).isEqualTo(1);
    }

    /** Issue 14 item 3: an outbox directory replaced by a link is refused, not written through. */
    @Test
    void aSymlinkedOutboxDirectoryIsRefused() throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path box = Files.createSymbolicLink(dir.resolve("hook"), elsewhere);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Outbox(box).open())
                .hasMessageContaining("not a directory");
        assertThat(Files.list(elsewhere).count()).isZero();
    }

    @Test
    void anEntryReplacedByALinkIsNotReadThrough() throws Exception {
        Outbox o = new Outbox(dir.resolve("hook"));
        o.open();
        Outbox.Entry e = o.append("a", Instant.parse("2026-01-01T00:00:00Z"), body("1"));
        Files.delete(e.file());
        Files.createSymbolicLink(e.file(), Files.writeString(dir.resolve("secret"), "root-only"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> o.read(e)).hasMessageContaining("symbolic link");
    }
}
