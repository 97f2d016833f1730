package io.podwatch.collectors.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PodmanConfigTest {
    private static final HostEnv ROOTLESS = new HostEnv(false, "/home/u", Map.of("XDG_RUNTIME_DIR", "/run/user/1000"));

    @Test
    void defaultsDiscoverTheRootfulThenTheRootlessSocket() {
        PodmanConfig c = PodmanConfig.from(ConfigReader.defaults(PodmanKeys.all(), ROOTLESS), ROOTLESS);

        assertThat(c.socket()).isEmpty();
        assertThat(c.candidates()).containsExactly(URI.create("unix:///run/podman/podman.sock"),
                URI.create("unix:///run/user/1000/podman/podman.sock"));
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.statsSource()).isEqualTo(PodmanConfig.StatsSourceKind.AUTO);
        assertThat(c.ownService()).isTrue();
        assertThat(c.command().executable()).isEqualTo("podman");
    }

    @Test
    void readsEveryKey() throws ConfigException {
        Config cfg = ConfigReader.read("podwatch.yaml", String.join("\n",
                "podman:",
                "  socket: unix:///tmp/p.sock",
                "  interval: 1s",
                "  timeout: 500ms",
                "  stats-source: api",
                "  own-service: never",
                "  relist-interval: 30s",
                "  max-containers: 10",
                ""), PodmanKeys.all(), ROOTLESS);
        PodmanConfig c = PodmanConfig.from(cfg, ROOTLESS);

        assertThat(c.socket()).isEqualTo(Optional.of(URI.create("unix:///tmp/p.sock")));
        assertThat(c.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.statsSource()).isEqualTo(PodmanConfig.StatsSourceKind.API);
        assertThat(c.ownService()).isFalse();
        assertThat(c.maxContainers()).isEqualTo(10);
    }

    @Test
    void badValuesAreAllReportedWithKeyValueAndExpectation() {
        assertThatThrownBy(() -> ConfigReader.read("podwatch.yaml", String.join("\n",
                "podman:",
                "  socket: /run/podman/podman.sock",
                "  stats-source: procfs",
                "  interval: 5",
                ""), PodmanKeys.all(), ROOTLESS))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("podman.socket").hasMessageContaining("/run/podman/podman.sock")
                .hasMessageContaining("unix:///run/podman/podman.sock")
                .hasMessageContaining("podman.stats-source").hasMessageContaining("one of auto, api, cgroup")
                .hasMessageContaining("podman.interval");
    }
}
