package io.podwatch.agent.status;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.emit.LatestSamples;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.model.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Heap the status model holds with a full hour of charts for N containers (every 5 s) and a full
 * event ring, measured as used heap after GC with and without the model, for docs/status-page.md.
 * Run: {@code java -Xmx512m -cp <agent test classpath> io.podwatch.agent.status.StatusMemoryBench 100 500 1000}
 */
public final class StatusMemoryBench {
    private StatusMemoryBench() {
    }

    public static void main(String[] args) {
        System.out.println("| containers | charts held | model heap (measured) | per container | bound (rings) |");
        System.out.println("|---:|---:|---:|---:|---:|");
        for (String a : args) {
            int n = Integer.parseInt(a);
            long before = used();
            StatusModel m = fill(n);
            long after = used();
            System.out.printf("| %d | %d | %.1f MiB | %.1f KiB | %.1f MiB |%n", n, m.historyBytes() / History.BYTES,
                    (after - before) / 1048576.0, (after - before) / 1024.0 / n, StatusModel.historyBound() / 1048576.0);
            if (m.snapshot().containers().isEmpty()) {
                throw new AssertionError("model empty"); // keeps m reachable until measured
            }
        }
    }

    static StatusModel fill(int n) {
        Instant t = Instant.parse("2026-12-01T00:00:00Z");
        StatusModel m = new StatusModel(new LatestSamples(),
                new io.podwatch.core.inventory.Inventory(Clock.systemUTC()), Clock.fixed(t, ZoneOffset.UTC));
        Alerts none = new Alerts() {
            @Override
            public void fire(Alert alert) {
            }

            @Override
            public void resolve(String name, Map<String, String> labels) {
            }
        };
        for (int i = 0; i < History.POINTS; i++) {
            t = t.plusSeconds(5);
            List<Sample> s = new ArrayList<>(n * 6);
            for (int k = 0; k < n; k++) {
                String[] l = {String.format("%064x", k), "container-" + k, "docker.io/library/image-" + k + ":latest", ""};
                s.add(StatusFixture.CPU.sample(i * 0.5 + k, l));
                s.add(StatusFixture.MEM.sample(1e8 + i, l));
                s.add(StatusFixture.RX.sample(i * 1000.0, l[0], l[1], l[2], "", "eth0"));
                s.add(StatusFixture.TX.sample(i * 100.0, l[0], l[1], l[2], "", "eth0"));
                s.add(StatusFixture.RESTARTS.sample(0, l));
                s.add(StatusFixture.STATE.sample(1, l[0], l[1], l[2], "", "running"));
            }
            m.onSamples(new SampleBatch("podman", t, s), none);
        }
        for (int i = 0; i < StatusModel.EVENTS; i++) {
            m.onEvent(new Event(t, EventKind.EVENT, "execve", "process", Severity.LOW, "audit",
                    new ContainerRef(String.format("%064x", i % n), "container-" + i % n, "", ""),
                    "auid=1000 ran /usr/bin/some-command --with arguments number " + i, Map.of()), none);
        }
        m.onTick(t, none);
        return m;
    }

    private static long used() {
        Runtime r = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        return r.totalMemory() - r.freeMemory();
    }
}
