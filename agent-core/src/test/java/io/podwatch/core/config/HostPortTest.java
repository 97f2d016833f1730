package io.podwatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostPortTest {
    @Test
    void parsesNamesV4AndBracketedV6AndWritesThemBackAsWritten() {
        assertThat(HostPort.parse("127.0.0.1:9883")).isEqualTo(new HostPort("127.0.0.1", 9883));
        assertThat(HostPort.parse("smtp.example.org:587").host()).isEqualTo("smtp.example.org");
        HostPort v6 = HostPort.parse("[::1]:9883");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6).hasToString("[::1]:9883");
    }

    @Test
    void refusesWhatIsNotHostColonPort() {
        for (String bad : new String[] {"9883", ":9883", "host:", "host:70000", "host:x", "::1:9883"}) {
            assertThatThrownBy(() -> HostPort.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theConfigTypeRefusesPortZero() {
        Setting<HostPort> s = Setting.of("listen", ValueTypes.hostPort(), null, "test");
        assertThatThrownBy(() -> ConfigReader.read("t.yaml", "listen: 127.0.0.1:0\n", java.util.List.of(s),
                new HostEnv(true, "/root", java.util.Map.of()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("t.yaml:1: listen: found '127.0.0.1:0'");
        assertThat(ConfigReader.defaults(java.util.List.of(s), new HostEnv(true, "/root", java.util.Map.of())).get(s)).isNull();
    }
}
