package io.podwatch.collectors.audit.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 item 3 with real links: the checkpoint is never read or written through one. */
class CheckpointStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTrips() throws Exception {
        CheckpointStore s = new CheckpointStore(dir.resolve("audit.checkpoint"));
        assertThat(s.load()).isEmpty();
        s.save(new Checkpoint("(dev=1,ino=2)", 42, List.of("1700000000.000:7")));
        assertThat(s.load()).contains(new Checkpoint("(dev=1,ino=2)", 42, List.of("1700000000.000:7")));
    }

    @Test
    void aPlantedLinkIsRefusedOnLoadAndReplacedNotFollowedOnSave() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious\n");
        Path file = Files.createSymbolicLink(dir.resolve("audit.checkpoint"), victim);
        CheckpointStore s = new CheckpointStore(file);
        assertThatThrownBy(s::load).hasMessageContaining("symbolic link");
        Files.createSymbolicLink(dir.resolve("audit.checkpoint.tmp"), victim);
        s.save(new Checkpoint("(dev=1,ino=2)", 1, List.of()));
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(s.load()).isPresent();
    }
}
