package io.podwatch.core.detect.anomaly;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.model.Severity;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The seeds' resource-limit advice as rules beside the statistics: a working set near its memory
 * limit (the OOM killer is next), a CPU quota that throttles, a PIDs limit about to refuse forks.
 * One instance per container; processing thread only.
 */
final class LimitRules {
    static final String MEMORY = "ContainerMemoryNearLimit";
    static final String THROTTLED = "ContainerCpuThrottled";
    static final String PIDS = "ContainerPidsNearLimit";

    private final Hysteresis memory;
    private final Hysteresis throttled;
    private final Hysteresis pids;

    LimitRules(int samples) {
        memory = new Hysteresis(samples, samples);
        throttled = new Hysteresis(samples, samples);
        pids = new Hysteresis(samples, samples);
    }

    void evaluate(ContainerReading r, AnomalyConfig cfg, Alerts alerts) {
        double ws = r.value(Signal.MEMORY);
        double memRatio = ws / r.memoryLimit();
        apply(memory, memRatio >= cfg.memoryNearRatio(), MEMORY, Severity.HIGH, r, alerts, () ->
                String.format("working set %.0f MiB is %.0f%% of the %.0f MiB limit", ws / 1048576, memRatio * 100,
                        r.memoryLimit() / 1048576));
        double thrRatio = r.cfsPeriods() > 0 ? r.cfsThrottled() / r.cfsPeriods() : 0;
        apply(throttled, thrRatio >= cfg.throttledRatio(), THROTTLED, Severity.MEDIUM, r, alerts, () ->
                String.format("%.0f%% of CPU periods throttled by the CPU quota", thrRatio * 100));
        double tasks = r.value(Signal.PIDS);
        double pidsRatio = tasks / r.pidsLimit();
        apply(pids, pidsRatio >= cfg.pidsNearRatio(), PIDS, Severity.HIGH, r, alerts, () ->
                String.format("%.0f tasks of a %.0f PIDs limit", tasks, r.pidsLimit()));
    }

    private static void apply(Hysteresis h, boolean holds, String name, Severity severity, ContainerReading r,
                              Alerts alerts, Supplier<String> observed) {
        // formatted only when firing: this runs for every container on every collection
        boolean was = h.firing();
        if (h.update(holds, holds)) {
            alerts.fire(new Alert(name, severity, labels(r.container().display()),
                    Map.of("summary", name + " on " + r.container().display(), "description", observed.get()),
                    r.container()));
        } else if (was) {
            alerts.resolve(name, labels(r.container().display()));
        }
    }

    /** Limits are resource alerts: a restart loop inhibits them ({@code category=resource}). */
    private static Map<String, String> labels(String container) {
        return Map.of("container", container, Inhibitions.CATEGORY_LABEL, Inhibitions.RESOURCE);
    }

    /** Resolves whatever is firing, when the container goes. */
    void resolveAll(String container, Alerts alerts) {
        for (String n : new String[] {MEMORY, THROTTLED, PIDS}) {
            alerts.resolve(n, labels(container));
        }
    }
}
