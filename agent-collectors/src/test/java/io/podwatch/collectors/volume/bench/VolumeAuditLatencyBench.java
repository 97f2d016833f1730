package io.podwatch.collectors.volume.bench;

import io.podwatch.collectors.audit.AuditComponents;
import io.podwatch.collectors.audit.AuditKeys;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.exec.ProcessCommandRunner;
import io.podwatch.collectors.volume.audit.VolumeAuditRules;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.config.Setting;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.rules.audit.AuditRuleKeys;
import io.podwatch.core.volume.VolumeView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Audit-side detection latency on this machine's real auditd: a podwatch volume rule on a temporary
 * directory, the audit trail at its default poll interval, time from a file's creation to the
 * attributed audit event. Needs root and a running auditd; removes its rule.
 * {@code VolumeAuditLatencyBench [samples]}; see docs/performance.md.
 */
public final class VolumeAuditLatencyBench {
    private VolumeAuditLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("pw-audit-lat");
        Path state = Files.createTempDirectory("pw-audit-lat-state");
        Map<String, Long> seen = new ConcurrentHashMap<>();
        Emitter sink = new Emitter() {
            @Override
            public void samples(SampleBatch batch) {
            }

            @Override
            public void event(Event e) {
                if ("audit".equals(e.source()) && e.fields().get("file.path") instanceof Collection<?> paths) {
                    long now = System.nanoTime();
                    paths.forEach(p -> seen.putIfAbsent(String.valueOf(p), now));
                }
            }

            @Override
            public void eventAwait(Event e) {
                event(e);
            }
        };
        List<Setting<?>> keys = new ArrayList<>(AuditKeys.all());
        keys.addAll(AuditRuleKeys.all());
        Config c = ConfigReader.read("bench.yaml", "audit:\n  enabled: true\n", keys, new HostEnv(true, "/", Map.of()));
        AuditComponents audit = AuditComponents.create(c, state, sink, Clock.systemUTC(), ContainerNames.none());
        VolumeAuditRules rules = new VolumeAuditRules(new ProcessCommandRunner(), "auditctl");
        try {
            rules.reconcile(Map.of("bench0000001", new VolumeView("bench0000001", "bench", dir.toString(), List.of())));
            audit.trail().start();
            Thread.sleep(1000);
            List<Long> lat = new ArrayList<>();
            for (int i = 0; i < samples; i++) {
                Path f = dir.resolve("a" + i);
                long t = System.nanoTime();
                Files.writeString(f, "x");
                long deadline = t + 10_000_000_000L;
                Long at;
                while ((at = seen.get(f.toString())) == null && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                lat.add(at == null ? 10_000_000_000L : at - t);
                Thread.sleep(20);
            }
            Collections.sort(lat);
            System.out.printf(Locale.ROOT, "audit latency over %d files (write → attributed audit event, poll 200 ms):"
                            + " p50 %.0f ms, p95 %.0f ms, max %.0f ms, missed %d%n", samples, lat.get(samples / 2) / 1e6,
                    lat.get(samples * 95 / 100) / 1e6, lat.get(samples - 1) / 1e6,
                    lat.stream().filter(x -> x >= 10_000_000_000L).count());
        } finally {
            audit.trail().close();
            rules.removeAll();
        }
    }
}
