package io.podwatch.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.SampleBatch;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleTextRendererTest {
    static final MetricDef CPU = MetricDef.counter("container_cpu_usage_seconds_total", "seconds",
            "Cumulative cpu time\\consumed.", "name", "id");
    static final MetricDef UP = MetricDef.gauge("thing_up", "", "Up.");

    String render(SampleBatch... batches) {
        return new String(renderer.render(List.of(batches)), java.nio.charset.StandardCharsets.UTF_8);
    }

    final SampleTextRenderer renderer = new SampleTextRenderer();

    @Test
    void writesTextFormatWithSortedEscapedLabelsAndOneHeaderPerFamily() {
        SampleBatch a = new SampleBatch("podman", Instant.EPOCH, List.of(
                CPU.sample(12.5, "we\"b\\1\n", "abc"), CPU.sample(3, "db", "def"), UP.sample(1)));
        SampleBatch b = new SampleBatch("other", Instant.EPOCH, List.of(CPU.sample(1e20, "x", "y"),
                UP.sample(Double.NaN)));
        assertThat(render(a, b)).isEqualTo("""
                # HELP container_cpu_usage_seconds_total Cumulative cpu time\\\\consumed.
                # TYPE container_cpu_usage_seconds_total counter
                container_cpu_usage_seconds_total{id="abc",name="we\\"b\\\\1\\n"} 12.5
                container_cpu_usage_seconds_total{id="def",name="db"} 3.0
                container_cpu_usage_seconds_total{id="y",name="x"} 1.0E20
                # HELP thing_up Up.
                # TYPE thing_up gauge
                thing_up 1.0
                """);
    }

    @Test
    void aReplacedBatchIsRenderedAgainAndAGoneSourceIsGone() {
        SampleBatch one = new SampleBatch("podman", Instant.EPOCH, List.of(UP.sample(1)));
        byte[] first = renderer.render(List.of(one));
        assertThat(renderer.render(List.of(one))).as("unchanged batches share the bytes").isSameAs(first);
        assertThat(render(one)).contains("thing_up 1.0");
        SampleBatch two = new SampleBatch("podman", Instant.EPOCH, List.of(UP.sample(0)));
        assertThat(render(two)).contains("thing_up 0.0").doesNotContain("thing_up 1.0");
        assertThat(render()).isEmpty();
    }
}
