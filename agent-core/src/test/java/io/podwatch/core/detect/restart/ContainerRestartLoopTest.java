package io.podwatch.core.detect.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.core.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerRestartLoopTest {
    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final ContainerRestartLoop loop = new ContainerRestartLoop(RestartLoopConfig.defaults());
    private final List<Alert> fired = new ArrayList<>();
    private final List<String> resolved = new ArrayList<>();
    private final Alerts alerts = new Alerts() {
        @Override
        public void fire(Alert alert) {
            fired.add(alert);
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
            resolved.add(name + labels);
        }
    };

    private void event(String id, String action, Map<String, Object> fields) {
        loop.onEvent(new Event(clock.instant(), EventKind.EVENT, action, "process", Severity.INFO, ContainerEvents.SOURCE,
                new ContainerRef(id, "web", "busybox", ""), "", fields), alerts);
    }

    /** Starts, runs {@code run}, dies with exit 1, waits {@code gap}. */
    private void crash(String id, Duration run, Duration gap, Map<String, Object> extra) {
        event(id, ContainerEvents.START, Map.of());
        clock.advance(run);
        Map<String, Object> f = new HashMap<>(extra);
        f.put(ContainerEvents.EXIT_CODE, 1);
        event(id, ContainerEvents.DIED, f);
        clock.advance(gap);
    }

    @Test
    void threeShortRunsWithinFiveMinutesFire() {
        crash("a", Duration.ofSeconds(1), Duration.ofSeconds(30), Map.of());
        crash("a", Duration.ofSeconds(1), Duration.ofSeconds(30), Map.of());
        assertThat(fired).isEmpty();
        crash("a", Duration.ofSeconds(1), Duration.ofSeconds(30), Map.of());
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("ContainerRestartLoop");
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.labels()).containsEntry("container", "web");
            assertThat(a.annotations()).containsEntry("deaths", "3").containsEntry("exit_code", "1");
        });
    }

    @Test
    void longRunsOrSpreadDeathsDoNotFire() {
        for (int i = 0; i < 5; i++) {
            crash("a", Duration.ofSeconds(90), Duration.ofSeconds(5), Map.of());
        }
        for (int i = 0; i < 3; i++) {
            crash("b", Duration.ofSeconds(1), Duration.ofMinutes(3), Map.of());
        }
        assertThat(fired).isEmpty();
    }

    @Test
    void recreatedUnderTheSameNameIsTheSameLoop() {
        crash("id-1", Duration.ofSeconds(2), Duration.ofSeconds(5), Map.of());
        event("id-1", ContainerEvents.REMOVE, Map.of());
        crash("id-2", Duration.ofSeconds(2), Duration.ofSeconds(5), Map.of());
        event("id-2", ContainerEvents.REMOVE, Map.of());
        crash("id-3", Duration.ofSeconds(2), Duration.ofSeconds(5), Map.of());
        assertThat(fired).hasSize(1);
    }

    @Test
    void fiveDeathsInTenMinutesAreCritical() {
        for (int i = 0; i < 5; i++) {
            crash("a", Duration.ofSeconds(1), Duration.ofSeconds(100), Map.of());
        }
        assertThat(fired.get(fired.size() - 1).severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void onFailurePolicyGivingUpFiresAtOnce() {
        Map<String, Object> policy = Map.of(ContainerEvents.RESTART_POLICY, "on-failure", ContainerEvents.RESTART_MAX, 2,
                ContainerEvents.RESTART_COUNT, 2);
        crash("a", Duration.ofMinutes(2), Duration.ZERO, policy);
        assertThat(fired).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.annotations().get("summary")).contains("gave up");
        });
    }

    @Test
    void resolvesAfterRunningTenMinutes() {
        for (int i = 0; i < 3; i++) {
            crash("a", Duration.ofSeconds(1), Duration.ofSeconds(1), Map.of());
        }
        event("a", ContainerEvents.START, Map.of());
        loop.onTick(clock.advance(Duration.ofMinutes(9)), alerts);
        assertThat(resolved).isEmpty();
        loop.onTick(clock.advance(Duration.ofMinutes(1)), alerts);
        assertThat(resolved).containsExactly("ContainerRestartLoop{container=web}");
    }

    @Test
    void pollFallbackCountsMissedRestarts() {
        event("a", ContainerEvents.START, Map.of());
        clock.advance(Duration.ofSeconds(5));
        event("a", ContainerEvents.RESTARTS_OBSERVED, Map.of(ContainerEvents.RESTART_COUNT, 1));
        clock.advance(Duration.ofSeconds(5));
        event("a", ContainerEvents.RESTARTS_OBSERVED, Map.of(ContainerEvents.RESTART_COUNT, 3));
        assertThat(fired).hasSize(1);
    }

    @Test
    void pollFallbackUsesTheReportedDelta() {
        event("a", ContainerEvents.RESTARTS_OBSERVED, Map.of(ContainerEvents.RESTART_DELTA, 3, ContainerEvents.RESTART_COUNT, 3));
        assertThat(fired).hasSize(1);
    }

    @Test
    void onFailureGiveUpCountedByDeathsWhenPodmanCountLags() {
        Map<String, Object> policy = Map.of(ContainerEvents.RESTART_POLICY, "on-failure", ContainerEvents.RESTART_MAX, 1,
                ContainerEvents.RESTART_COUNT, 0);
        crash("a", Duration.ofMinutes(2), Duration.ZERO, policy);
        assertThat(fired).isEmpty();
        crash("a", Duration.ofMinutes(2), Duration.ZERO, policy);
        assertThat(fired).singleElement().satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void inhibitsResourceAlertsOfALoopingContainerOnly() {
        Alert cpu = new Alert("HighCpu", Severity.HIGH, Map.of("container", "web", "category", "resource"), Map.of(), null);
        Alert other = new Alert("Privileged", Severity.HIGH, Map.of("container", "web"), Map.of(), null);
        Inhibitions rules = Inhibitions.of(List.of(ContainerRestartLoop.INHIBIT));
        for (int i = 0; i < 3; i++) {
            crash("a", Duration.ofSeconds(1), Duration.ofSeconds(1), Map.of());
        }
        Alert looping = fired.get(fired.size() - 1);
        Alert cpuOfWeb = new Alert("HighCpu", Severity.HIGH, Map.of("container", looping.labels().get("container"),
                "category", "resource"), Map.of(), null);
        assertThat(rules.inhibits(cpuOfWeb, List.of(looping))).as("the loop alert's labels are the rule's data").isTrue();
        assertThat(rules.inhibits(cpu, List.of(looping))).as("another container").isEqualTo(
                looping.labels().get("container").equals("web"));
        assertThat(rules.inhibits(other, List.of(looping))).isFalse();
        assertThat(rules.inhibits(cpuOfWeb, List.of())).as("nothing firing, nothing muted").isFalse();
    }

    @Test
    void oomKillFiresAndResolvesAfterQuiet() {
        ContainerOomKilled oom = new ContainerOomKilled(RestartLoopConfig.defaults());
        oom.onEvent(new Event(clock.instant(), EventKind.EVENT, ContainerEvents.OOM, "process", Severity.HIGH,
                ContainerEvents.SOURCE, new ContainerRef("a", "web", "", ""), "", Map.of()), alerts);
        assertThat(fired).extracting(Alert::name).containsExactly("ContainerOOMKilled");
        oom.onTick(clock.advance(Duration.ofMinutes(10)), alerts);
        assertThat(resolved).containsExactly("ContainerOOMKilled{container=web}");
    }
}
