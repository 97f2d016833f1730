package io.podwatch.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import io.podwatch.core.testing.MutableClock;
import io.podwatch.core.testing.RecordingQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertPipelineTest {
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingQueue hook = new RecordingQueue("webhook-0");
    private final List<Event> log = new ArrayList<>();
    private final AlertPipelineConfig settings = new AlertPipelineConfig(List.of("alertname", "container"),
            Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofHours(4), 4, Duration.ofMinutes(10));

    private AlertPipeline pipeline(Route... routes) {
        return new AlertPipeline(settings, List.of(routes), Inhibitions.NONE, log::add, clock, meters);
    }

    private static Alert alert(String container, String extra) {
        return new Alert("HighCpu", Severity.HIGH, Map.of("container", container, "cpu", extra), Map.of("summary", "cpu"), null);
    }

    /** Ticks once a second for {@code seconds}, as the processing stage does. */
    private void run(AlertPipeline p, int seconds) {
        for (int i = 0; i < seconds; i++) {
            p.tick(clock.advance(Duration.ofSeconds(1)));
        }
    }

    private double suppressed(Suppression s) {
        return meters.get("podwatch.notifications.suppressed").tag("reason", s.label()).counter().count();
    }

    @Test
    void groupsAlertsArrivingWithinGroupWaitIntoOneNotification() {
        AlertPipeline p = pipeline(Route.of(hook));
        p.fire(alert("web", "0"));
        run(p, 5);
        p.fire(alert("web", "1"));
        p.fire(alert("db", "0"));
        run(p, 4);
        assertThat(hook.received).isEmpty();
        run(p, 2);
        assertThat(hook.received).hasSize(1);
        assertThat(hook.received.get(0).alerts()).hasSize(2);
        assertThat(hook.received.get(0).groupLabels()).containsEntry("container", "web").containsEntry("alertname", "HighCpu");
        run(p, 5);
        assertThat(hook.received).hasSize(2);
        assertThat(log).extracting(Event::action).containsExactly("alert-firing", "alert-firing", "alert-firing");
    }

    @Test
    void repeatedFiringIsDedupedUntilRepeatInterval() {
        AlertPipeline p = pipeline(Route.of(hook));
        for (int i = 0; i < 120; i++) {
            p.fire(alert("web", "0"));
            run(p, 1);
        }
        assertThat(hook.received).hasSize(1);
        assertThat(suppressed(Suppression.DEDUP)).isGreaterThanOrEqualTo(1);
        clock.advance(Duration.ofHours(4));
        run(p, 61);
        assertThat(hook.received).hasSize(2);
        assertThat(hook.received.get(1).id()).isNotEqualTo(hook.received.get(0).id());
    }

    @Test
    void changesWithinAGroupWaitForGroupIntervalAndResolvedIsNotified() {
        AlertPipeline p = pipeline(Route.of(hook));
        p.fire(alert("web", "0"));
        run(p, 11);
        assertThat(hook.received).hasSize(1);
        p.resolve("HighCpu", Map.of("container", "web", "cpu", "0"));
        run(p, 30);
        assertThat(hook.received).hasSize(1);
        run(p, 31);
        assertThat(hook.received).hasSize(2);
        Notification resolved = hook.received.get(1);
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.alerts().get(0).endsAt()).isNotNull();
        run(p, 600);
        assertThat(hook.received).hasSize(2);
        assertThat(meters.get("podwatch.alerts.firing").gauge().value()).isZero();
    }

    @Test
    void flappingAlertIsHeldFiringAndMarkedThenReleasedWhenCalm() {
        AlertPipeline p = pipeline(Route.of(hook));
        Alert a = alert("web", "0");
        for (int i = 0; i < 3; i++) {
            p.fire(a);
            run(p, 1);
            p.resolve(a.name(), a.labels());
            run(p, 1);
        }
        // fire, resolve, fire, resolve, fire = 5 toggles > 4: this resolve is held
        assertThat(log).extracting(Event::action).contains("alert-flapping");
        assertThat(suppressed(Suppression.FLAPPING)).isEqualTo(1);
        run(p, 120);
        Notification last = hook.received.get(hook.received.size() - 1);
        assertThat(last.alerts()).singleElement().satisfies(s -> {
            assertThat(s.firing()).isTrue();
            assertThat(s.flapping()).isTrue();
        });
        run(p, 600);
        assertThat(log.get(log.size() - 1).action()).isEqualTo("alert-resolved");
        assertThat(hook.received.get(hook.received.size() - 1).status()).isEqualTo(AlertStatus.RESOLVED);
    }

    @Test
    void rateLimitDefersAndMergesInsteadOfDropping() {
        RecordingQueue limited = new RecordingQueue("email");
        AlertPipeline p = pipeline(new Route(limited, 1, 1, Duration.ZERO, Duration.ZERO));
        for (int i = 0; i < 5; i++) {
            p.fire(alert("c" + i, "0"));
        }
        run(p, 11);
        assertThat(limited.received).hasSize(1);
        assertThat(suppressed(Suppression.RATE_LIMITED)).isEqualTo(4);
        run(p, 4 * 60 + 1);
        assertThat(limited.received).hasSize(5);
        assertThat(limited.received).flatExtracting(Notification::alerts).extracting(s -> s.alert().labels().get("container"))
                .containsExactlyInAnyOrder("c0", "c1", "c2", "c3", "c4");
    }

    @Test
    void digestBatchesAWindowIntoOneNotification() {
        RecordingQueue mail = new RecordingQueue("email");
        AlertPipeline p = pipeline(new Route(mail, 0, 1, Duration.ofMinutes(5), Duration.ZERO));
        p.fire(alert("a", "0"));
        run(p, 30);
        p.fire(alert("b", "0"));
        run(p, 60);
        assertThat(mail.received).isEmpty();
        run(p, 300);
        assertThat(mail.received).singleElement().satisfies(n -> assertThat(n.alerts()).hasSize(2));
    }

    @Test
    void refreshRepostsFiringAlertsForAlertmanager() {
        RecordingQueue am = new RecordingQueue("alertmanager-0");
        AlertPipeline p = pipeline(new Route(am, 0, 1, Duration.ZERO, Duration.ofMinutes(1)));
        p.fire(alert("a", "0"));
        run(p, 11);
        assertThat(am.received).hasSize(1);
        run(p, 125);
        assertThat(am.received.size()).isGreaterThanOrEqualTo(3);
        assertThat(am.received.get(am.received.size() - 1).groupKey()).isEqualTo("refresh");
    }

    @Test
    void severityChangeIsNotifiedWithTheOldSeverityResolved() {
        AlertPipeline p = pipeline(Route.of(hook));
        Alert high = alert("web", "0");
        p.fire(high);
        run(p, 11);
        p.fire(new Alert(high.name(), Severity.CRITICAL, high.labels(), high.annotations(), null));
        run(p, 61);
        assertThat(hook.received).hasSize(2);
        assertThat(hook.received.get(1).alerts()).extracting(s -> s.alert().severity() + "/" + s.status())
                .containsExactlyInAnyOrder("HIGH/RESOLVED", "CRITICAL/FIRING");
        assertThat(log).extracting(Event::action).containsExactly("alert-firing", "alert-severity-changed");
        run(p, 120);
        assertThat(hook.received).hasSize(2);
    }

    private static final Inhibitions LOOP_MUTES_RESOURCES = Inhibitions.of(List.of(new Inhibitions.Rule("Loop",
            Map.of("category", "resource"), List.of("container"))));

    private static Alert loop(String container) {
        return new Alert("Loop", Severity.HIGH, Map.of("container", container), Map.of(), null);
    }

    private static Alert resource(String container) {
        return new Alert("CpuAnomaly", Severity.MEDIUM, Map.of("container", container, "category", "resource"),
                Map.of(), null);
    }

    @Test
    void whileASourceFiresMatchingTargetsOfTheSameContainerAreInhibitedAndCounted() {
        AlertPipeline p = new AlertPipeline(settings, List.of(Route.of(hook)), LOOP_MUTES_RESOURCES, log::add, clock,
                meters);
        p.fire(loop("web"));
        p.fire(resource("web"));
        p.fire(resource("db"));
        run(p, 20);
        assertThat(hook.received).flatExtracting(Notification::alerts).extracting(s -> s.alert().name() + "@"
                + s.alert().labels().get("container")).containsExactlyInAnyOrder("Loop@web", "CpuAnomaly@db");
        assertThat(suppressed(Suppression.INHIBITED)).isEqualTo(1);

        p.resolve("Loop", Map.of("container", "web"));
        p.fire(resource("web"));
        run(p, 80);
        assertThat(hook.received).flatExtracting(Notification::alerts).anyMatch(s -> s.firing()
                && s.alert().name().equals("CpuAnomaly") && s.alert().labels().get("container").equals("web"));
    }

    @Test
    void aTargetFiringBeforeItsSourceIsTakenBack() {
        AlertPipeline p = new AlertPipeline(settings, List.of(Route.of(hook)), LOOP_MUTES_RESOURCES, log::add, clock,
                meters);
        p.fire(resource("web"));
        p.fire(loop("web"));
        p.fire(resource("web"));
        assertThat(log).extracting(e -> e.action() + " " + e.fields().get("rule.name"))
                .containsExactly("alert-firing CpuAnomaly", "alert-firing Loop", "alert-resolved CpuAnomaly");
    }

    @Test
    void stateChangesAreLoggedWithEcsFields() {
        AlertPipeline p = pipeline();
        p.fire(new Alert("X", Severity.CRITICAL, Map.of("container", "web"), Map.of("summary", "boom"), null));
        Event e = log.get(0);
        assertThat(e.fields()).containsEntry("rule.name", "X").containsEntry("labels.container", "web")
                .containsEntry("podwatch.alert.status", "firing");
        assertThat(e.message()).isEqualTo("[firing] boom");
    }
}
