package io.podwatch.collectors.podman.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.FakePodmanApi;
import io.podwatch.collectors.podman.Fixtures;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.Event;
import io.podwatch.core.testing.RecordingEmitter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContainerTrackerTest {
    private static final String BURNER = "05a5e92e474f19dce5c7409ce022aa131343e24e774d16fa3c9762e494aef69d";
    private final FakePodmanApi api = new FakePodmanApi();
    private final RecordingEmitter out = new RecordingEmitter();
    private ContainerTracker tracker;

    @BeforeEach
    void setUp() {
        JsonNode list = Fixtures.json("podman4/list.json");
        api.with(list.get(0), Fixtures.json("podman4/inspect-burner.json"));
        tracker = new ContainerTracker(api, new Inventory(Clock.systemUTC()).feed("podman", "root", 100),
                out, Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void relistInspectsNewContainersOnlyOnce() throws IOException {
        tracker.relist();
        tracker.relist();

        assertThat(tracker.synced()).isTrue();
        assertThat(api.inspectCalls).isEqualTo(1);
        ContainerInfo c = tracker.containers().get(BURNER).orElseThrow();
        assertThat(c.restartPolicy()).isEqualTo("on-failure");
        assertThat(out.events).as("the first listing is the baseline, not news").isEmpty();
    }

    @Test
    void pollFallbackReportsRestartsNoEventTold() throws IOException {
        tracker.relist();
        api.set(BURNER, "StartedAt", 1795438999L, "State.StartedAt", "2026-11-23T13:03:19Z");
        api.set(BURNER, "Pid", 999, "RestartCount", 2);

        tracker.relist();

        assertThat(out.events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(ContainerEvents.RESTARTS_OBSERVED);
            assertThat(e.fields()).containsEntry(ContainerEvents.RESTART_DELTA, 2)
                    .containsEntry(ContainerEvents.RESTART_COUNT, 2);
        });
    }

    @Test
    void restartSeenThroughEventsIsNotReportedAgainByThePoll() throws IOException {
        tracker.relist();
        api.set(BURNER, "StartedAt", 1795438999L, "State.StartedAt", "2026-11-23T13:03:19Z");
        api.set(BURNER, "Pid", 999, "RestartCount", 1);
        tracker.onEvent(event("restart", BURNER, "0"));

        tracker.relist();

        assertThat(out.events).extracting(Event::action).containsExactly(ContainerEvents.RESTART);
        assertThat(out.events.get(0).fields()).containsEntry(ContainerEvents.RESTART_COUNT, 1);
    }

    @Test
    void removeEventEvictsAndGoneContainersLeaveOnRelist() throws IOException {
        tracker.relist();
        tracker.onEvent(event("remove", BURNER, "0"));
        assertThat(tracker.containers().size()).isZero();
        assertThat(out.events).extracting(Event::action).containsExactly(ContainerEvents.REMOVE);

        tracker.relist();
        api.list.clear();
        tracker.relist();
        assertThat(tracker.containers().size()).isZero();
    }

    @Test
    void diedEventForAnUnknownContainerStillCarriesTheExitCode() {
        tracker.onEvent(event("died", "f".repeat(64), "3"));

        assertThat(out.events).singleElement().satisfies(e ->
                assertThat(e.fields()).containsEntry(ContainerEvents.EXIT_CODE, 3));
    }

    private static JsonNode event(String status, String id, String exit) {
        List<JsonNode> lines = Fixtures.jsonLines("podman4/events.jsonl");
        com.fasterxml.jackson.databind.node.ObjectNode e = (com.fasterxml.jackson.databind.node.ObjectNode) lines.get(0).deepCopy();
        e.put("status", status).put("Action", status).put("id", id);
        com.fasterxml.jackson.databind.node.ObjectNode actor = (com.fasterxml.jackson.databind.node.ObjectNode) e.path("Actor");
        actor.put("ID", id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) actor.path("Attributes")).put("containerExitCode", exit);
        return e;
    }
}
