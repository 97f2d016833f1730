package io.podwatch.agent.status;

import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per container name: posture score and failing checks, from the posture collector's latest batch. */
final class PostureView {
    record Entry(double score, List<String> failing) {
        static final Entry NONE = new Entry(Double.NaN, List.of());
    }

    static boolean isPostureBatch(SampleBatch b) {
        return b.samples().stream().anyMatch(s -> s.metric().name().equals("podwatch_posture_score"));
    }

    static Map<String, Entry> of(SampleBatch b) {
        Map<String, Double> score = new HashMap<>();
        Map<String, List<String>> failing = new HashMap<>();
        for (Sample s : b.samples()) {
            switch (s.metric().name()) {
                case "podwatch_posture_score" -> score.put(s.label("name"), s.value());
                case "podwatch_posture_finding" -> {
                    if (s.value() == 1 && !s.label("name").isEmpty()) {
                        failing.computeIfAbsent(s.label("name"), k -> new ArrayList<>()).add(s.label("check"));
                    }
                }
                default -> {
                }
            }
        }
        Map<String, Entry> out = new HashMap<>();
        score.forEach((n, v) -> out.put(n, new Entry(v, List.copyOf(failing.getOrDefault(n, List.of())))));
        failing.forEach((n, f) -> out.putIfAbsent(n, new Entry(Double.NaN, List.copyOf(f))));
        return out;
    }
}
