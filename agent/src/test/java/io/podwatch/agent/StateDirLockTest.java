package io.podwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podwatch.core.lifecycle.StartRefused;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirLockTest {
    @TempDir
    Path dir;

    @Test
    void theHolderWritesItsPidAndASecondClaimIsRefusedNamingIt() throws Exception {
        Path state = dir.resolve("state");
        try (StateDirLock first = new StateDirLock(state)) {
            first.start();
            long pid = ProcessHandle.current().pid();
            assertThat(Files.readString(state.resolve(StateDirLock.FILE))).isEqualTo(pid + "\n");
            assertThatThrownBy(() -> StateDirLock.probe(state)).isInstanceOf(StartRefused.class)
                    .hasMessage("state-dir " + state + " is in use by another podwatch (PID " + pid + "); stop it first, "
                            + "or give this one its own state-dir and http.listen");
        }
        StateDirLock.probe(state); // released on close: free again
    }

    @Test
    void aLockFileThatIsASymlinkIsNotFollowed() throws Exception {
        Path state = Files.createDirectories(dir.resolve("state"));
        Path target = dir.resolve("elsewhere");
        Files.createSymbolicLink(state.resolve(StateDirLock.FILE), target);
        assertThatThrownBy(() -> StateDirLock.probe(state)).isInstanceOf(StartRefused.class)
                .hasMessageStartingWith("state-dir " + state + " is not writable (");
        assertThat(target).doesNotExist();
    }

    @Test
    void closeIsIdempotentAndSafeWithoutStart() {
        StateDirLock lock = new StateDirLock(dir.resolve("never"));
        lock.close();
        lock.close();
        assertThat(dir.resolve("never")).doesNotExist();
    }
}
