package io.podwatch.collectors.volume;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.volume.MountScope.Mount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountScopeTest {
    @Test
    void volumesAndDirectoryBindsAreWatchedPseudoFileSystemsTmpfsAndTheRootAreNot() {
        assertThat(new Mount("volume", "data", Path.of("/var/lib/containers/storage/volumes/data/_data"), "/data",
                true).watchable()).isTrue();
        assertThat(new Mount("bind", "", Path.of("/srv/www"), "/www", false).watchable()).isTrue();
        assertThat(new Mount("tmpfs", "", null, "/tmp", true).watchable()).isFalse();
        assertThat(new Mount("bind", "", Path.of("/proc/sys"), "/host-sys", true).watchable()).isFalse();
        assertThat(new Mount("bind", "", Path.of("/srv/x"), "/dev/shm", true).watchable()).isFalse();
        assertThat(new Mount("bind", "", Path.of("/"), "/host", true).watchable()).isFalse();
        assertThat(new Mount("bind", "", Path.of("relative"), "/x", true).watchable()).isFalse();
    }
}
