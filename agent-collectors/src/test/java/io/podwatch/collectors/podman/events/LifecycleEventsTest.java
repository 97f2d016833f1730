package io.podwatch.collectors.podman.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.Fixtures;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.collectors.podman.container.InspectJson;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LifecycleEventsTest {
    private final List<JsonNode> lines = Fixtures.jsonLines("podman4/events.jsonl");

    @Test
    void parsesRealEventLines() {
        PodmanEvent died = PodmanEvent.parse(lines.get(3));

        assertThat(died.isContainer()).isTrue();
        assertThat(died.status()).isEqualTo("died");
        assertThat(died.name()).isEqualTo("ev1");
        assertThat(died.exitCode()).hasValue(1);
        assertThat(died.time().getEpochSecond()).isEqualTo(1795438406);
    }

    @Test
    void diedCarriesExitCodeAndRestartFields() throws IOException {
        ContainerInfo failer = InspectJson.fromInspect(Fixtures.json("podman4/inspect-failer.json"), "podman", "root");
        Event e = LifecycleEvents.of(PodmanEvent.parse(lines.get(3)), failer).orElseThrow();

        assertThat(e.action()).isEqualTo(ContainerEvents.DIED);
        assertThat(e.source()).isEqualTo(ContainerEvents.SOURCE);
        assertThat(e.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(e.fields()).containsEntry(ContainerEvents.EXIT_CODE, 1)
                .containsEntry(ContainerEvents.RESTART_COUNT, 3)
                .containsEntry(ContainerEvents.RESTART_POLICY, "on-failure")
                .containsEntry(ContainerEvents.RESTART_MAX, 3)
                .containsKey(ContainerEvents.STARTED_AT);
        assertThat(e.container().name()).isEqualTo("ev1");
        assertThat(e.message()).contains("exit code 1");
    }

    @Test
    void emitsTheContractActionsAndSkipsNoise() {
        List<String> actions = lines.stream().map(PodmanEvent::parse)
                .map(e -> LifecycleEvents.of(e, null)).flatMap(Optional::stream).map(Event::action).distinct().toList();

        assertThat(actions).containsExactlyInAnyOrder(ContainerEvents.CREATE, ContainerEvents.START,
                ContainerEvents.DIED, ContainerEvents.RESTART, ContainerEvents.REMOVE);
        // init and cleanup are Podman-internal steps, not lifecycle news
        assertThat(lines.stream().map(PodmanEvent::parse).filter(e -> e.status().equals("cleanup"))
                .map(e -> LifecycleEvents.of(e, null))).allMatch(Optional::isEmpty);
    }

    @Test
    void restartsObservedCarriesTheDelta() throws IOException {
        ContainerInfo failer = InspectJson.fromInspect(Fixtures.json("podman4/inspect-failer.json"), "podman", "root");
        Event e = LifecycleEvents.restartsObserved(failer, 2, failer.startedAt());

        assertThat(e.action()).isEqualTo(ContainerEvents.RESTARTS_OBSERVED);
        assertThat(e.fields()).containsEntry(ContainerEvents.RESTART_DELTA, 2).containsEntry(ContainerEvents.RESTART_COUNT, 3);
    }
}
