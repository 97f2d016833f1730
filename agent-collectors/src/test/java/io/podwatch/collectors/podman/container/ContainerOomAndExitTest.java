package io.podwatch.collectors.podman.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.podwatch.core.inventory.Inventory;
import io.podwatch.collectors.engine.Sightings;
import io.podwatch.collectors.podman.FakePodmanApi;
import io.podwatch.collectors.podman.Fixtures;
import io.podwatch.collectors.podman.cgroup.OomCounters;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.Event;
import io.podwatch.core.testing.RecordingEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OOM kills from the cgroup counter and the died event's exit code, on the cgroup v1 fixture of a real run. */
class ContainerOomAndExitTest {
    static final String ID = "05a5e92e474f19dce5c7409ce022aa131343e24e774d16fa3c9762e494aef69d";

    @TempDir
    Path dir;

    final FakePodmanApi api = new FakePodmanApi();
    final RecordingEmitter out = new RecordingEmitter();
    final Sightings sightings = Sightings.create(Clock.systemUTC());
    ContainerTracker tracker;
    Path oomControl;

    @BeforeEach
    void setUp() throws Exception {
        PathUtils.copyDirectory(Path.of("src/test/resources/fixtures/podman/cgroup-v1/burner"), dir);
        oomControl = dir.resolve("sys/memory/libpod_parent/libpod-" + ID + "/memory.oom_control");
        api.with(Fixtures.json("podman4/list.json").get(0), Fixtures.json("podman4/inspect-burner.json"));
        tracker = new ContainerTracker(api, new Inventory(Clock.systemUTC()).feed("podman", "alice", 10), out,
                Clock.fixed(Instant.parse("2026-11-23T13:00:00Z"), ZoneOffset.UTC),
                new OomCounters(dir.resolve("sys"), dir.resolve("proc")), sightings);
        tracker.relist();
    }

    @Test
    void aDeathAfterTheCgroupCounterMovedIsAnOomKillWhateverTheEngineSays() throws Exception {
        assertThat(sightings.pids().containerOf(11432)).as("conmon").hasValue(ID);
        assertThat(sightings.pids().containerOf(11443)).as("init").hasValue(ID);
        Files.writeString(oomControl, "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");

        tracker.onEvent(event("died", "137"));

        assertThat(out.events).extracting(Event::action).containsExactly(ContainerEvents.DIED, ContainerEvents.OOM);
        Event oom = out.events.get(1);
        assertThat(oom.fields()).containsEntry(ContainerEvents.OOM_KILLS, 1L).containsEntry(ContainerEvents.ENGINE,
                "podman").containsEntry(ContainerEvents.OWNER, "alice");
        assertThat(oom.container().name()).isEqualTo("burner");
        assertThat(tracker.oom().total(ID)).hasValue(1);
        assertThat(out.events.get(0).fields()).containsEntry(ContainerEvents.OWNER, "alice");
    }

    @Test
    void aDeathWithoutAnOomKillIsOnlyADeath() {
        tracker.onEvent(event("died", "137"));
        assertThat(out.events).extracting(Event::action).containsExactly(ContainerEvents.DIED);
    }

    @Test
    void theLastDiedExitCodeSurvivesTheRestartThatInspectReportsAsZero() {
        // a restart policy has already started the container again: inspect says running, exit code 0
        tracker.onEvent(event("died", "3"));
        assertThat(tracker.containers().get(ID).orElseThrow().exitCode()).isEqualTo(3);
        tracker.onEvent(event("start", "0"));
        assertThat(tracker.containers().get(ID).orElseThrow().exitCode()).isEqualTo(3);
    }

    @Test
    void removalForgetsCountsAndPids() throws Exception {
        Files.writeString(oomControl, "oom_kill 2\n");
        tracker.onEvent(event("died", "137"));
        tracker.onEvent(event("remove", "0"));
        assertThat(tracker.oom().total(ID)).isEmpty();
        assertThat(sightings.pids().size()).isZero();
    }

    private static JsonNode event(String status, String exit) {
        List<JsonNode> lines = Fixtures.jsonLines("podman4/events.jsonl");
        ObjectNode e = (ObjectNode) lines.get(0).deepCopy();
        e.put("status", status).put("Action", status).put("id", ID);
        ObjectNode actor = (ObjectNode) e.path("Actor");
        actor.put("ID", ID);
        ((ObjectNode) actor.path("Attributes")).put("containerExitCode", exit).put("name", "burner");
        return e;
    }
}
