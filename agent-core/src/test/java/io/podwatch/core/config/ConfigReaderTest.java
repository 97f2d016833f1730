package io.podwatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
    static final Setting<Duration> INTERVAL = Setting.of("podman.interval",
            ValueTypes.duration(Duration.ofMillis(100), Duration.ofHours(1)), Duration.ofSeconds(5), "poll interval");
    static final Setting<String> SOURCE = Setting.of("podman.stats-source", ValueTypes.oneOf("auto", "api", "cgroup"),
            "auto", "where stats come from");
    static final Setting<String> STATE = Setting.computed("state-dir", ValueTypes.nonEmpty("a path"),
            env -> env.root() ? "/var/lib/podwatch" : env.xdgStateHome() + "/podwatch", "doc", "state");
    static final Setting<String> URL = Setting.of("url", ValueTypes.nonEmpty("a URL"), null, "target");
    static final Setting<String> TOKEN = Setting.of("token", ValueTypes.nonEmpty("a token"), null, "secret").asSecret();
    static final Setting<List<Config>> HOOKS = Setting.of("alerts.webhooks",
            ValueTypes.objects("webhooks", List.of(URL, TOKEN)), List.of(), "hooks");
    static final List<Setting<?>> ALL = List.of(INTERVAL, SOURCE, STATE, HOOKS);
    static final HostEnv ROOT = new HostEnv(true, "/root", Map.of());

    @Test
    void emptyFileGivesDefaults() throws ConfigException {
        Config c = ConfigReader.read("f.yaml", "", ALL, ROOT);
        assertThat(c.get(INTERVAL)).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.get(STATE)).isEqualTo("/var/lib/podwatch");
        assertThat(c.isSet(INTERVAL)).isFalse();
    }

    @Test
    void defaultsDependOnTheUser() {
        HostEnv user = new HostEnv(false, "/home/ann", Map.of("XDG_STATE_HOME", "/home/ann/.st"));
        assertThat(ConfigReader.defaults(ALL, user).get(STATE)).isEqualTo("/home/ann/.st/podwatch");
        assertThat(ConfigReader.defaults(ALL, new HostEnv(false, "/home/bo", Map.of())).get(STATE))
                .isEqualTo("/home/bo/.local/state/podwatch");
    }

    @Test
    void readsNestedValuesAndObjectLists() throws ConfigException {
        Config c = ConfigReader.read("f.yaml", """
                podman:
                  interval: 500ms
                  stats-source: CGROUP
                alerts:
                  webhooks:
                    - url: http://a
                    - url: http://b
                      token: s3cret
                """, ALL, ROOT);
        assertThat(c.get(INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(c.get(SOURCE)).isEqualTo("cgroup");
        assertThat(c.get(HOOKS)).hasSize(2);
        assertThat(c.get(HOOKS).get(1).get(TOKEN)).isEqualTo("s3cret");
        assertThat(c.toShow().toString()).doesNotContain("s3cret").contains("<redacted>");
    }

    @Test
    void reportsEveryErrorWithFileLineKeyValueAndExpectation() {
        assertThatThrownBy(() -> ConfigReader.read("/etc/podwatch.yaml", """
                podman:
                  interval: 5x
                  stats-sauce: api
                alerts:
                  webhooks:
                    - url: http://a
                      tokn: x
                state-dir: ""
                """, ALL, ROOT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/etc/podwatch.yaml:2: podman.interval: found '5x', expected a duration from 100ms to 1h")
                .hasMessageContaining("/etc/podwatch.yaml:3: podman.stats-sauce: expected a known key; unknown here (known: interval, stats-source)")
                .hasMessageContaining("/etc/podwatch.yaml:7: alerts.webhooks[0].tokn: expected a known key")
                .hasMessageContaining("/etc/podwatch.yaml:8: state-dir: found '', expected a path")
                .satisfies(e -> assertThat(((ConfigException) e).errors()).hasSize(4));
    }

    @Test
    void secretValuesNeverAppearInErrors() {
        Setting<Integer> pin = Setting.of("pin", ValueTypes.integer(0, 9), 0, "a secret digit").asSecret();
        assertThatThrownBy(() -> ConfigReader.read("f", "pin: hunter2\n", List.of(pin), ROOT))
                .hasMessageNotContaining("hunter2").hasMessageContaining("<redacted>");
    }

    @Test
    void syntaxErrorsAndDuplicateKeysAreReported() {
        assertThatThrownBy(() -> ConfigReader.read("f", "podman: [\n", ALL, ROOT))
                .hasMessageContaining("f:2: expected valid YAML");
        assertThatThrownBy(() -> ConfigReader.read("f", "podman:\n  interval: 1s\n  interval: 2s\n", ALL, ROOT))
                .hasMessageContaining("f:3: podman.interval: expected each key at most once");
        assertThatThrownBy(() -> ConfigReader.read("f", "podman: 5\n", ALL, ROOT))
                .hasMessageContaining("f:1: podman: found '5', expected a section of keys: interval, stats-source");
        assertThatThrownBy(() -> ConfigReader.read("f", "- a\n", ALL, ROOT))
                .hasMessageContaining("expected a mapping of keys to values");
    }

    @Test
    void durationsAndSizesRoundTrip() {
        for (String d : List.of("500ms", "5s", "1m", "2h", "7d")) {
            assertThat(Durations.format(Durations.parse(d))).isEqualTo(d);
        }
        assertThat(ByteSizes.parse("10MiB")).isEqualTo(10L << 20);
        assertThat(ByteSizes.format(512 * 1024)).isEqualTo("512KiB");
        assertThatThrownBy(() -> Durations.parse("5 minutes")).hasMessageContaining("expected e.g. 500ms");
    }
}
