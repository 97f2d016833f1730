package io.podwatch.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.testing.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** packaging/prometheus/podwatch.rules.yml passes {@code promtool check rules} and its unit tests. */
class PrometheusRulesIT {
    static final Path RULES_DIR = Path.of("..", "packaging", "prometheus");

    private static String promtool(String... args) throws Exception {
        Host.assume(false, "promtool");
        String[] cmd = new String[args.length + 1];
        cmd[0] = Host.which("promtool").orElseThrow().toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).directory(RULES_DIR.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void rulesAreValid() throws Exception {
        assertThat(promtool("check", "rules", "podwatch.rules.yml")).contains("SUCCESS");
    }

    @Test
    void rulesPassTheirUnitTests() throws Exception {
        assertThat(promtool("test", "rules", "podwatch.rules.test.yml")).contains("SUCCESS");
    }
}
