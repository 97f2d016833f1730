package io.podwatch.agent.sink.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.AlertState;
import io.podwatch.core.alert.AlertStatus;
import io.podwatch.core.model.Severity;
import io.podwatch.core.alert.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailRendererTest {
    static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    static AlertState firing(String container) {
        return new AlertState(new Alert("PostureCheckFailing", Severity.CRITICAL,
                Map.of("check", "PW-C-PRIVILEGED", "container", container), Map.of(), null), AlertStatus.FIRING, T,
                null, false);
    }

    @Test
    void subjectNamesHostAndContainer() {
        Notification n = new Notification("id", "email", "g", Map.of("alertname", "PostureCheckFailing",
                "container", "web"), List.of(firing("web")), T);
        assertThat(MailRenderer.subject("[podwatch]", n, "node1"))
                .isEqualTo("[podwatch] FIRING: PostureCheckFailing on web at node1 (1 firing, 0 resolved)");
    }

    @Test
    void aDigestOfOneContainerStillNamesIt() {
        Notification n = new Notification("id", "email", "digest", Map.of(), List.of(firing("db"), firing("db")), T);
        assertThat(MailRenderer.subject("[podwatch]", n, "node1")).contains(" on db at node1 ");
        Notification mixed = new Notification("id", "email", "digest", Map.of(), List.of(firing("db"), firing("web")), T);
        assertThat(MailRenderer.subject("[podwatch]", mixed, "node1")).doesNotContain(" on ").contains(" at node1 ");
    }
}
