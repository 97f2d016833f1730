package io.podwatch.agent.http;

import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.MetricType;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the newest sample batches at scrape time. Nothing is registered per container, so
 * nothing has to be unregistered when one goes: a scrape shows exactly the latest batches.
 */
final class SampleSnapshotCollector implements MultiCollector {
    private final LatestSamples latest;

    SampleSnapshotCollector(LatestSamples latest) {
        this.latest = latest;
    }

    @Override
    public MetricSnapshots collect() {
        Map<MetricDef, List<Sample>> byFamily = new LinkedHashMap<>();
        for (SampleBatch batch : latest.snapshot()) {
            for (Sample s : batch.samples()) {
                byFamily.computeIfAbsent(s.metric(), k -> new ArrayList<>()).add(s);
            }
        }
        List<MetricSnapshot> out = new ArrayList<>(byFamily.size());
        byFamily.forEach((def, samples) -> out.add(snapshot(def, samples)));
        return new MetricSnapshots(out);
    }

    private static MetricSnapshot snapshot(MetricDef def, List<Sample> samples) {
        String[] names = def.labelNames().toArray(String[]::new);
        if (def.type() == MetricType.COUNTER) {
            // the writer appends _total itself
            CounterSnapshot.Builder b = CounterSnapshot.builder()
                    .name(def.name().substring(0, def.name().length() - "_total".length())).help(def.help());
            for (Sample s : samples) {
                b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                        .value(s.value()).labels(labels(names, s)).build());
            }
            return b.build();
        }
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(def.name()).help(def.help());
        for (Sample s : samples) {
            b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(s.value()).labels(labels(names, s)).build());
        }
        return b.build();
    }

    private static Labels labels(String[] names, Sample s) {
        return Labels.of(names, s.labelValues().toArray(String[]::new));
    }
}
