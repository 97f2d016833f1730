package io.podwatch.collectors.podman;

import io.podwatch.core.model.ContainerMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.podwatch.core.inventory.Inventory;
import io.podwatch.collectors.podman.container.ContainerTracker;
import io.podwatch.collectors.podman.stats.ApiStatsSource;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.testing.MutableClock;
import io.podwatch.core.testing.RecordingEmitter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PodmanStatsCollectorTest {
    private final FakePodmanApi api = new FakePodmanApi();
    private final RecordingEmitter out = new RecordingEmitter();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T13:00:00Z"));
    private PodmanStatsCollector collector;

    @BeforeEach
    void setUp() {
        var list = Fixtures.json("podman4/list.json");
        api.with(list.get(0), Fixtures.json("podman4/inspect-burner.json"));
        api.with(list.get(2), Fixtures.json("podman4/inspect-failer.json"));
        api.stats = Fixtures.json("podman4/stats.json");
        ContainerTracker tracker = new ContainerTracker(api, new Inventory(clock).feed("podman", "root", 100), out, clock);
        collector = new PodmanStatsCollector(tracker, new ApiStatsSource(api), clock, Duration.ofMinutes(1));
    }

    @Test
    void oneBatchWithCountersForRunningAndStateForAll() throws Exception {
        collector.collect(out);

        List<Sample> s = out.lastBatch().samples();
        assertThat(out.lastBatch().source()).isEqualTo("podman");
        assertThat(value(s, ContainerMetrics.CPU, "burner")).isEqualTo(8.199019104);
        assertThat(value(s, ContainerMetrics.SPEC_MEMORY_LIMIT, "burner")).isEqualTo(64 << 20);
        assertThat(value(s, ContainerMetrics.SPEC_CPU_QUOTA, "burner")).isEqualTo(150000);
        assertThat(value(s, ContainerMetrics.RESTARTS, "failer")).isEqualTo(3);
        assertThat(value(s, ContainerMetrics.EXIT_CODE, "failer")).isEqualTo(1);
        assertThat(s).filteredOn(x -> x.label("name").equals("failer")).extracting(x -> x.metric().name())
                .doesNotContain("container_cpu_usage_seconds_total");
        assertThat(s).filteredOn(x -> x.metric() == ContainerMetrics.STATE && x.label("name").equals("failer"))
                .singleElement().satisfies(x -> assertThat(x.label("state")).isEqualTo("exited"));
        assertThat(s).extracting(Sample::metric).allMatch(ContainerMetrics.all()::contains);
    }

    @Test
    void relistsOnlyWhenDue() throws Exception {
        collector.collect(out);
        api.list.remove(1);
        collector.collect(out);
        assertThat(names(out.lastBatch().samples())).contains("failer");

        clock.advance(Duration.ofMinutes(1));
        collector.collect(out);
        assertThat(names(out.lastBatch().samples())).doesNotContain("failer");
    }

    @Test
    void podmanDownFailsTheCollection() {
        api.down = true;
        assertThatThrownBy(() -> collector.collect(out)).isInstanceOf(IOException.class)
                .hasMessageContaining("Connection refused");
        assertThat(out.batches).isEmpty();
    }

    private static List<String> names(List<Sample> s) {
        return s.stream().map(x -> x.label("name")).distinct().toList();
    }

    private static double value(List<Sample> s, MetricDef def, String name) {
        return s.stream().filter(x -> x.metric() == def && x.label("name").equals(name)).findFirst().orElseThrow().value();
    }
}
