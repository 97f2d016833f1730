package io.podwatch.collectors.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodmanHarnessIT {
    @Test
    void runsContainersAndServesTheApi() throws Exception {
        PodmanHarness.assumeAvailable();
        java.nio.file.Path dir;
        try (PodmanHarness h = PodmanHarness.create()) {
            dir = h.dir();
            String id = h.runDetached(List.of("--name", "sanity"), "sleep 30");
            assertThat(id).hasSize(64);
            assertThat(h.podman("ps", "--format", "{{.Names}}")).contains("sanity");
            h.startService();
            assertThat(h.pings()).isTrue();
            h.stopService();
            assertThat(h.pings()).isFalse();
        }
        assertThat(Files.exists(dir)).isFalse();
    }
}
