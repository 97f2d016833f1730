package io.podwatch.collectors.audit.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailerTest {
    @TempDir
    Path dir;

    private final List<String> seen = new ArrayList<>();

    private long poll(LogTailer t) throws Exception {
        return t.poll((b, off, len, pos) -> seen.add(new String(b, off, len, StandardCharsets.UTF_8)));
    }

    private static void append(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsTheRestOfARotatedFileBeforeTheNewOneEvenWhenTheNewOneIsLonger() throws Exception {
        Path log = dir.resolve("audit.log");
        append(log, "a1\na2\n");
        try (LogTailer t = new LogTailer(log, 1024)) {
            t.open(null, true);
            poll(t);
            append(log, "a3\n");
            Files.move(log, dir.resolve("audit.log.1"));
            append(log, "b1-long-line-past-the-old-offset\nb2\n");
            poll(t);
            assertThat(seen).containsExactly("a1", "a2", "a3", "b1-long-line-past-the-old-offset", "b2");
            assertThat(t.rotations()).isEqualTo(1);
        }
    }

    @Test
    void holdsAHalfWrittenLineUntilItIsComplete() throws Exception {
        Path log = dir.resolve("audit.log");
        append(log, "one\ntw");
        try (LogTailer t = new LogTailer(log, 1024)) {
            t.open(null, true);
            poll(t);
            assertThat(seen).containsExactly("one");
            assertThat(t.consumed() & 0xFFFFFFFFFFL).isEqualTo(4);
            append(log, "o\n");
            poll(t);
            assertThat(seen).containsExactly("one", "two");
        }
    }

    @Test
    void copyTruncateStartsOverInTheSameFile() throws Exception {
        Path log = dir.resolve("audit.log");
        append(log, "first-line\nsecond-line\n");
        try (LogTailer t = new LogTailer(log, 1024)) {
            t.open(null, true);
            poll(t);
            Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
            append(log, "x\n");
            poll(t);
            assertThat(seen).containsExactly("first-line", "second-line", "x");
            assertThat(t.truncations()).isEqualTo(1);
        }
    }

    @Test
    void survivesAFileThatVanishesForAWhile() throws Exception {
        Path log = dir.resolve("audit.log");
        append(log, "a\n");
        try (LogTailer t = new LogTailer(log, 1024)) {
            t.open(null, true);
            poll(t);
            Files.move(log, dir.resolve("elsewhere"));
            assertThat(poll(t)).isZero();
            append(log, "b\n");
            poll(t);
            assertThat(seen).containsExactly("a", "b");
        }
    }

    @Test
    void resumesFromACheckpointInARotatedFileThenReadsTheNewerOnes() throws Exception {
        Path log = dir.resolve("audit.log");
        append(log, "a1\na2\na3\n");
        Checkpoint cp;
        try (LogTailer t = new LogTailer(log, 1024)) {
            t.open(null, true);
            t.poll((b, off, len, pos) -> {
            });
            cp = t.checkpoint(t.consumed() - 3, List.of()); // as if a3 were still unfinished
        }
        Files.move(log, dir.resolve("audit.log.1"));
        append(log, "b1\n");
        try (LogTailer t = new LogTailer(log, 1024)) {
            assertThat(t.open(cp, false)).isTrue();
            poll(t);
        }
        assertThat(seen).containsExactly("a3", "b1");
    }

    @Test
    void startsAtTheEndByDefault() throws Exception {
        Path log = dir.resolve("audit.log");
        append(log, "old\n");
        try (LogTailer t = new LogTailer(log, 1024)) {
            t.open(null, false);
            append(log, "new\n");
            poll(t);
        }
        assertThat(seen).containsExactly("new");
    }
}
