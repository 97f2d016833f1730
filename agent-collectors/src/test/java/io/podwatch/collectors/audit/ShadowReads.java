package io.podwatch.collectors.audit;

import static org.awaitility.Awaitility.await;

import io.podwatch.core.model.Event;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Finds, in what a trail handed over, the sensitive-file rule's read of /etc/shadow in one container. */
final class ShadowReads {
    private ShadowReads() {
    }

    /** Waits up to 30 s for it; fails listing every shadow read seen when it does not come. */
    static Event in(TrailHarness harness, String name) {
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> find(harness, name).isPresent());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no shadow read attributed to " + name + "; shadow reads seen: "
                    + harness.events.stream().filter(x -> x.fields().get("file.path") instanceof List<?> l
                    && l.contains("/etc/shadow")).map(Event::fields).toList(), e);
        }
        return find(harness, name).orElseThrow();
    }

    static Optional<Event> find(TrailHarness harness, String name) {
        return harness.events.stream().filter(e -> name.equals(e.fields().get("container.name")))
                .filter(e -> e.fields().get("file.path") instanceof List<?> l && l.contains("/etc/shadow"))
                .filter(e -> e.fields().get("rule.name") instanceof List<?> l && l.contains("sensitive-file-read"))
                .findFirst();
    }
}
