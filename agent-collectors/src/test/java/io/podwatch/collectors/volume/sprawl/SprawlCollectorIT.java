package io.podwatch.collectors.volume.sprawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.podman.api.ApiObserver;
import io.podwatch.collectors.podman.api.PodmanClient;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.collectors.volume.VolumeMetrics;
import io.podwatch.core.model.Sample;
import io.podwatch.core.sprawl.SprawlState;
import io.podwatch.core.testing.RecordingEmitter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hourly sprawl review against a real Podman: metrics, and the state that survives a restart. */
@Tag("integration")
class SprawlCollectorIT {
    @TempDir
    Path state;

    @Test
    void recordsWhenVolumesWereFirstSeenDanglingAndPublishesTheSprawlMetrics() throws Exception {
        PodmanHarness.assumeAvailable();
        try (PodmanHarness h = PodmanHarness.create()) {
            h.startService();
            h.podman("volume", "create", "pwsc-orphan");
            h.podman("run", "--name", "pwsc-done", PodmanHarness.IMAGE, "true");
            try (PodmanClient api = new PodmanClient(URI.create(h.socketUri()), Duration.ofSeconds(10),
                    ApiObserver.NONE)) {
                RecordingEmitter out = new RecordingEmitter();
                new SprawlCollector(api, state, Duration.ZERO, Clock.systemUTC()).collect(out);
                var samples = out.lastBatch().samples();
                assertThat(value(samples, "podwatch_sprawl_items", "volume")).isEqualTo(1);
                assertThat(value(samples, "podwatch_sprawl_items", "container")).isEqualTo(1);
                assertThat(samples).anyMatch(s -> s.metric() == VolumeMetrics.DANGLING_SINCE
                        && s.label("volume").equals("pwsc-orphan"));
                assertThat(samples).anyMatch(s -> s.metric() == VolumeMetrics.CONTAINER_STOPPED_SINCE
                        && s.label("container").equals("pwsc-done"));
                assertThat(samples).anyMatch(s -> s.metric() == VolumeMetrics.STORAGE_AVAIL && s.value() > 0);
                assertThat(Files.exists(state.resolve(SprawlStateStore.FILE))).isTrue();
                SprawlState saved = new SprawlStateStore(state).load();
                assertThat(saved.firstDangling()).containsKey("pwsc-orphan");
            }
        }
    }

    static double value(java.util.List<Sample> samples, String metric, String kind) {
        return samples.stream().filter(s -> s.metric().name().equals(metric) && s.label("kind").equals(kind))
                .mapToDouble(Sample::value).findFirst().orElse(-1);
    }
}
