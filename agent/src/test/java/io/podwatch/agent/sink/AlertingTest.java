package io.podwatch.agent.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.agent.BuiltIns;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.lifecycle.Managed;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingTest {
    private static final HostEnv ENV = new HostEnv(true, "/root", Map.of());
    private static final String ISSUE_YAML = """
            alerts:
              webhooks:
                - url: https://hooks.example.org/podwatch
                  hmac-secret-file: /etc/podwatch/hook.secret
                  bearer-token: s3cr3t-token-value
                  headers: ["X-Api-Key: k3y-value"]
              alertmanager:
                - url: http://alertmanager.example.org:9093
              email:
                smtp: smtp.example.org:587
                starttls: true
                username: podwatch
                password-file: /etc/podwatch/smtp.password
                from: podwatch@host.example.org
                to: [ops@example.org]
            """;

    private static Alerting create(Config c) throws ConfigException {
        return Alerting.create(c, ENV, BuiltIns.eventSinks(), BuiltIns.receivers(), new SinkContext(Clock.systemUTC(),
                new SimpleMeterRegistry(), Path.of("/nonexistent/state"), Map.of(), Map.of(), e -> { }), Inhibitions.NONE);
    }

    @Test
    void theIssueExampleBuildsOneDispatcherPerSinkWithoutIo() throws Exception {
        Config c = ConfigReader.read("podwatch.yaml", ISSUE_YAML, BuiltIns.settings(), ENV);
        Alerting a = create(c);
        assertThat(a.dispatchers()).extracting(Dispatcher::sink).containsExactly("webhook-0", "alertmanager-0", "email");
        assertThat(a.managed()).extracting(Managed::name).containsExactly("eventlog", "sink-webhook-0", "sink-alertmanager-0", "sink-email",
                "alerts");
        a.managed().forEach(Managed::close);
    }

    @Test
    void startUpSaysWhereAlertsGo() throws Exception {
        assertThat(create(ConfigReader.read("podwatch.yaml", ISSUE_YAML, BuiltIns.settings(), ENV)).destinations())
                .isEqualTo("alerts go to webhook-0, alertmanager-0, email and the event log /var/log/podwatch/events.jsonl");
        assertThat(create(ConfigReader.defaults(BuiltIns.settings(), ENV)).destinations())
                .isEqualTo("no receivers configured: alerts go to the event log /var/log/podwatch/events.jsonl only");
    }

    @Test
    void configShowRedactsSecrets() throws Exception {
        String shown = ConfigReader.read("podwatch.yaml", ISSUE_YAML, BuiltIns.settings(), ENV).toShow().toString();
        assertThat(shown).contains("hooks.example.org").doesNotContain("s3cr3t-token-value").doesNotContain("k3y-value");
    }

    @Test
    void reportsEveryMissingOrContradictorySetting() throws Exception {
        Config c = ConfigReader.read("podwatch.yaml", """
                alerts:
                  webhooks:
                    - headers: ["no colon"]
                  alertmanager:
                    - refresh: 30s
                  email:
                    smtp: smtp.example.org:25
                    starttls: false
                    username: podwatch
                    password-env: SMTP_PW
                """, BuiltIns.settings(), ENV);
        assertThatThrownBy(() -> create(c)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("alerts.webhooks[0].url")
                .hasMessageContaining("alerts.alertmanager[0].url")
                .hasMessageContaining("alerts.email.to")
                .hasMessageContaining("a password is never sent in clear text");
    }

    @Test
    void badValuesAreReportedWithLineAndKeySecretsRedacted() {
        assertThatThrownBy(() -> ConfigReader.read("podwatch.yaml", """
                alerts:
                  webhooks:
                    - url: ftp://nope
                      bearer-token: [not, a, string]
                """, BuiltIns.settings(), ENV)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("podwatch.yaml:3: alerts.webhooks[0].url: found 'ftp://nope', expected an http:// or https:// URL")
                .hasMessageContaining("alerts.webhooks[0].bearer-token");
    }
}
