package io.podwatch.core.detect.restart;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.model.ContainerEvents;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import io.podwatch.core.process.Detector;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Raises {@code ContainerOOMKilled} when the kernel OOM-kills a container's process; an OOM kill
 * is a moment, not a state, so the alert resolves after {@code oom-resolve-after} without another.
 */
public final class ContainerOomKilled implements Detector {
    public static final String ALERT = "ContainerOOMKilled";

    private final RestartLoopConfig s;
    private final Map<Map<String, String>, Instant> lastOom = new HashMap<>();

    public ContainerOomKilled(RestartLoopConfig settings) {
        this.s = settings;
    }

    @Override
    public String name() {
        return "oom-killed";
    }

    @Override
    public void onEvent(Event e, Alerts alerts) {
        if (!ContainerEvents.OOM.equals(e.action()) || e.container() == null) {
            return;
        }
        String name = e.container().display();
        Map<String, String> labels = ContainerEvents.containerLabels(e);
        lastOom.put(labels, e.time());
        alerts.fire(new Alert(ALERT, Severity.HIGH, labels,
                Map.of("summary", "Container " + name + " was OOM-killed",
                        "description", "The kernel killed a process of " + name + " for exceeding its memory limit"),
                e.container()));
    }

    @Override
    public void onTick(Instant now, Alerts alerts) {
        for (Iterator<Map.Entry<Map<String, String>, Instant>> it = lastOom.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Map<String, String>, Instant> en = it.next();
            if (!now.isBefore(en.getValue().plus(s.oomResolveAfter()))) {
                alerts.resolve(ALERT, en.getKey());
                it.remove();
            }
        }
    }
}
