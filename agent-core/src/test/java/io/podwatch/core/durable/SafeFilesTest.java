package io.podwatch.core.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real symbolic links, a real FIFO and a file of another user (issue 14, item 3). */
class SafeFilesTest {
    @TempDir
    Path dir;

    private Path victim() throws IOException {
        return Files.writeString(dir.resolve("victim"), "precious\n");
    }

    @Test
    void aPlantedSymlinkIsRefusedAndTheVictimUntouched() throws Exception {
        Path victim = victim();
        Path log = Files.createSymbolicLink(dir.resolve("events.jsonl"), victim);
        assertThatThrownBy(() -> SafeFiles.openAppend(log, PosixFilePermissions.fromString("rw-r-----")))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> SafeFiles.openWrite(log)).hasMessageContaining("symbolic link");
        assertThatThrownBy(() -> SafeFiles.read(log, 100)).hasMessageContaining("symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
    }

    @Test
    void aDanglingSymlinkDoesNotCreateItsTarget() {
        Path target = dir.resolve("created-through-link");
        assertThatThrownBy(() -> SafeFiles.openAppend(Files.createSymbolicLink(dir.resolve("log"), target),
                PosixFilePermissions.fromString("rw-------"))).hasMessageContaining("symbolic link");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFifoIsRefusedBeforeOpening() throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        assertThatThrownBy(() -> SafeFiles.openAppend(fifo, PosixFilePermissions.fromString("rw-------")))
                .hasMessageContaining("not a regular file");
    }

    @Test
    void aFileOfAnotherUserIsRefused() throws Exception {
        Path f = victim();
        assumeTrue(new ProcessBuilder("chown", "65534", f.toString()).start().waitFor() == 0, "chown needs root");
        assertThatThrownBy(() -> SafeFiles.openAppend(f, PosixFilePermissions.fromString("rw-------")))
                .hasMessageContaining("owned by uid 65534");
    }

    @Test
    void aNewFileIsCreatedWithItsModeAndAppended() throws Exception {
        Path f = dir.resolve("new.log");
        try (FileChannel ch = SafeFiles.openAppend(f, PosixFilePermissions.fromString("rw-r-----"))) {
            ch.write(ByteBuffer.wrap("a\n".getBytes(StandardCharsets.UTF_8)));
        }
        try (FileChannel ch = SafeFiles.openAppend(f, PosixFilePermissions.fromString("rw-r-----"))) {
            ch.write(ByteBuffer.wrap("b\n".getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(Files.readString(f)).isEqualTo("a\nb\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r-----");
    }

    @Test
    void aDurableWriteReplacesAPlantedTemporaryLinkInsteadOfFollowingIt() throws Exception {
        Path victim = victim();
        Path tmp = Files.createSymbolicLink(dir.resolve("state.tmp"), victim);
        DurableFiles.write(tmp, dir.resolve("state"), "new\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.readString(dir.resolve("state"))).isEqualTo("new\n");
    }

    @Test
    void anOversizedFileIsRefusedUnread() throws Exception {
        Path f = Files.write(dir.resolve("big"), new byte[200]);
        assertThatThrownBy(() -> SafeFiles.read(f, 100)).hasMessageContaining("200 bytes");
    }
}
