package io.podwatch.collectors.posture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.AllowRule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostureKeysTest {
    static final HostEnv ENV = new HostEnv(true, "/root", Map.of());

    @Test
    void defaults() {
        PostureConfig c = PostureConfig.from(ConfigReader.defaults(PostureKeys.all(), ENV));
        assertThat(c.enabled()).isTrue();
        assertThat(c.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.hostInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(c.alertMinSeverity()).as("day one must not page: only critical findings alert by default").isEqualTo(Severity.CRITICAL);
        assertThat(c.unusedDays()).isEqualTo(30);
        assertThat(c.allow().rules()).isEmpty();
    }

    @Test
    void allowRulesAreRead() throws ConfigException {
        PostureConfig c = PostureConfig.from(ConfigReader.read("podwatch.yaml", String.join("\n",
                "posture:",
                "  alert-min-severity: medium",
                "  allow:",
                "    - check: PW-C-PRIVILEGED",
                "      name: gpu-*",
                "      reason: needs the GPU",
                "    - check: '*'",
                "      label: io.podwatch.lab=true",
                "      reason: lab machines"), PostureKeys.all(), ENV));
        assertThat(c.alertMinSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(c.allow().rules()).containsExactly(new AllowRule("PW-C-PRIVILEGED", "gpu-*", "", "needs the GPU"),
                new AllowRule("*", "", "io.podwatch.lab=true", "lab machines"));
    }

    @Test
    void unknownCheckAndMissingReasonAreReportedWithTheirLines() {
        assertThatThrownBy(() -> ConfigReader.read("podwatch.yaml", String.join("\n",
                "posture:",
                "  interval: 1s",
                "  allow:",
                "    - check: PW-C-NOPE",
                "      reason: because",
                "    - check: PW-C-PRIVILEGED",
                "      name: x"), PostureKeys.all(), ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("podwatch.yaml:2: posture.interval: found '1s', expected a duration from 30s")
                .hasMessageContaining("posture.allow[0].check: found 'PW-C-NOPE', expected a check id listed in docs/checks.md")
                .hasMessageContaining("podwatch.yaml:6: posture.allow[1].reason: expected a non-empty reason");
    }
}
