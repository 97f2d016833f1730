package io.podwatch.collectors.posture;

import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.MetricDef;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.FindingStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The posture metric families and the batch that carries the current findings (source {@code posture}). */
public final class PostureMetrics {
    public static final String SOURCE = "posture";
    public static final MetricDef FINDING = MetricDef.gauge("podwatch_posture_finding", "",
            "1 while a posture check fails, 0 while an allow rule accepts it; name is the container, "
            + "empty for host, image and trust checks.", "check", "severity", "name");
    public static final MetricDef SCORE = MetricDef.gauge("podwatch_posture_score", "",
            "Posture score of a container: 100 minus 40/20/10/5 per failing critical/high/medium/low finding, "
            + "at least 0.", "name");

    private PostureMetrics() {
    }

    public static List<MetricDef> all() {
        return List.of(FINDING, SCORE);
    }

    /** The complete batch: every failing or accepted finding, and a score per checked container. */
    public static SampleBatch batch(Collection<Finding> findings, Collection<ContainerRef> checked, Instant time) {
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> penalty = new HashMap<>();
        for (Finding f : findings) {
            if (f.status() == FindingStatus.UNKNOWN) {
                continue;
            }
            boolean failing = f.status() == FindingStatus.FAILING;
            String name = f.container() == null ? "" : f.container().display();
            samples.add(FINDING.sample(failing ? 1 : 0, f.check().id(), f.check().severity().label(), name));
            if (failing && f.container() != null) {
                penalty.merge(f.container().id(), weight(f.check().severity()), Integer::sum);
            }
        }
        for (ContainerRef c : checked) {
            samples.add(SCORE.sample(Math.max(0, 100 - penalty.getOrDefault(c.id(), 0)), c.display()));
        }
        return new SampleBatch(SOURCE, time, samples);
    }

    static int weight(Severity s) {
        return switch (s) {
            case CRITICAL -> 40;
            case HIGH -> 20;
            case MEDIUM -> 10;
            case LOW -> 5;
            case INFO -> 0;
        };
    }
}
