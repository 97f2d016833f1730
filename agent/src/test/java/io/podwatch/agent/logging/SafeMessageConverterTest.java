package io.podwatch.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.podwatch.agent.sink.eventlog.EcsJson;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeMessageConverterTest {
    @Test
    void logLinesHideUrlCredentialsAndCannotBeForgedByNames() {
        LoggerContext ctx = new LoggerContext();
        LoggingEvent e = new LoggingEvent("x", ctx.getLogger("t"), Level.WARN,
                "sink {}: delivery to {} failed for container {}", null,
                new Object[] {"webhook-0", "https://bot:t0ken@hooks.example/x?key=s3cret", "evil\n12:00:00 INFO forged\u001b[2J"});
        String line = new SafeMessageConverter().convert(e);
        assertThat(line).isEqualTo("sink webhook-0: delivery to https://<redacted>@hooks.example/x?<redacted> failed for container "
                + "evil\\n12:00:00 INFO forged\\x1b[2J");
    }

    @Test
    void eventLogMessagesHideUrlCredentials() {
        String json = EcsJson.line(new Event(Instant.EPOCH, EventKind.STATE, "delivery-failed", "", Severity.HIGH, "alerting", null,
                "POST http://u:p@h/hook?token=abc refused", Map.of()));
        assertThat(json).contains("POST http://<redacted>@h/hook?<redacted> refused").doesNotContain("token=abc");
    }
}
