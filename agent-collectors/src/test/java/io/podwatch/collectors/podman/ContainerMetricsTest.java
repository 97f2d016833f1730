package io.podwatch.collectors.podman;

import io.podwatch.core.model.ContainerMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.MetricType;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerMetricsTest {
    @Test
    void familiesAreUniqueAndUseCadvisorNamesAndLabels() {
        List<MetricDef> all = ContainerMetrics.all();

        assertThat(all).extracting(MetricDef::name).doesNotHaveDuplicates().contains(
                "container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
                "container_spec_memory_limit_bytes", "container_network_receive_bytes_total",
                "container_fs_reads_bytes_total", "container_start_time_seconds", "podwatch_container_restarts_total");
        assertThat(all).allSatisfy(d -> assertThat(d.labelNames()).startsWith("id", "name", "image", "pod"));
        assertThat(all).filteredOn(d -> d.name().startsWith("container_network_"))
                .allSatisfy(d -> assertThat(d.labelNames()).contains("interface"));
        assertThat(ContainerMetrics.RESTARTS.type()).isEqualTo(MetricType.COUNTER);
        assertThat(all).noneMatch(d -> d.labelNames().contains("restarts"));
    }
}
