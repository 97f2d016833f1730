package io.podwatch.collectors.podman.bench;

import io.podwatch.collectors.podman.PodmanConfig.StatsSourceKind;
import io.podwatch.collectors.podman.PodmanItKit;
import io.podwatch.collectors.testing.PodmanHarness;
import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.config.ConfigReader;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.detect.anomaly.AnomalyConfig;
import io.podwatch.core.detect.anomaly.AnomalyKeys;
import io.podwatch.core.detect.anomaly.ContainerAnomalyDetector;
import io.podwatch.core.model.SampleBatch;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * False anomaly alerts per container-day on idle containers that are exec'd into every 30 s
 * (issue 13 item 5), and how fast a sustained change still alerts. Real containers of a private
 * Podman, collected from their cgroups every second (the interval of the reported false alert);
 * each batch goes to the live detector under several {@code anomaly.for} settings side by side, so
 * every setting sees the very same samples. {@code for: 0s} is the former default
 * ({@code raise-after: 1}). Run as root:
 * <pre>java -cp ... io.podwatch.collectors.podman.bench.ExecNoiseBench [containers] [minutes after warm-up]</pre>
 * Prints a Markdown table (docs/anomaly-detection.md).
 */
public final class ExecNoiseBench {
    private static final List<String> SETTINGS = List.of("0s", "5s", "15s", "30s");
    /** A short burst of shell work, like an operator's exec or a health-check command. */
    private static final String EXEC = "i=0; while [ $i -lt 40000 ]; do i=$((i+1)); done";

    private ExecNoiseBench() {
    }

    /** Counts distinct firings (a fire while not already firing) per setting. */
    private static final class Counting implements Alerts {
        final Set<String> firing = new HashSet<>();
        final List<String> fired = new ArrayList<>();

        @Override
        public void fire(Alert a) {
            String k = a.name() + " " + a.labels();
            if (firing.add(k)) {
                fired.add(k);
            }
        }

        @Override
        public void resolve(String name, Map<String, String> labels) {
            firing.remove(name + " " + labels);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Map<String, ContainerAnomalyDetector> detectors = new LinkedHashMap<>();
        Map<String, Counting> alerts = new LinkedHashMap<>();
        for (String s : SETTINGS) {
            AnomalyConfig c = AnomalyConfig.from(ConfigReader.read("bench", "anomaly:\n  for: " + s + "\n",
                    AnomalyKeys.all(), new HostEnv(true, "/", Map.of())));
            detectors.put(s, new ContainerAnomalyDetector(c));
            alerts.put(s, new Counting());
        }
        try (PodmanHarness h = PodmanHarness.create()) {
            h.startService();
            for (int i = 0; i < n; i++) {
                h.podman("run", "-d", "--name", "idle" + i, PodmanHarness.IMAGE, "sleep", "1000000");
            }
            try (PodmanItKit kit = PodmanItKit.start(PodmanItKit.config(h, StatsSourceKind.CGROUP), h.dir().resolve("bench"))) {
                int warmup = 160;
                int measured = minutes * 60;
                long execs = 0;
                long next = System.currentTimeMillis();
                for (int second = 0; second < warmup + measured; second++) {
                    if (second >= warmup) {
                        for (int i = 0; i < n; i++) {
                            // container i is exec'd into at second i*3 of every 30
                            if ((second + i * 3) % 30 == 0) {
                                exec(h, "idle" + i, EXEC);
                                execs++;
                            }
                        }
                    }
                    next += 1000;
                    Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
                    SampleBatch b = kit.collect();
                    detectors.forEach((s, d) -> d.onSamples(b, alerts.get(s)));
                }
                double containerDays = n * measured / 86_400.0;
                System.out.printf(Locale.ROOT, "%d idle containers, 1 s interval, %d min after a %d s warm-up, %d execs (one per container every 30 s)%n%n",
                        n, minutes, warmup, execs);
                System.out.println("| anomaly.for | false alerts | container-days | false alerts per container-day |");
                System.out.println("|---|---:|---:|---:|");
                for (String s : SETTINGS) {
                    int f = alerts.get(s).fired.size();
                    System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %s |%n", s, f, containerDays,
                            f == 0 ? "0 (< " + String.format(Locale.ROOT, "%.1f", 3 / containerDays) + " at 95 %)"
                                    : String.format(Locale.ROOT, "%.1f", f / containerDays));
                }
                alerts.values().forEach(a -> a.fired.clear());
                // a sustained change: a CPU burner in idle0 from now on
                exec(h, "idle0", "-d:while :; do :; done");
                long t0 = System.currentTimeMillis();
                Map<String, Long> latency = new LinkedHashMap<>();
                for (int second = 0; second < 90 && latency.size() < SETTINGS.size(); second++) {
                    next += 1000;
                    Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
                    SampleBatch b = kit.collect();
                    for (String s : SETTINGS) {
                        detectors.get(s).onSamples(b, alerts.get(s));
                        if (!latency.containsKey(s) && alerts.get(s).fired.stream().anyMatch(k -> k.contains("idle0"))) {
                            latency.put(s, System.currentTimeMillis() - t0);
                        }
                    }
                }
                System.out.println();
                System.out.println("| anomaly.for | a CPU burner started in an idle container alerts after |");
                System.out.println("|---|---:|");
                for (String s : SETTINGS) {
                    Long ms = latency.get(s);
                    System.out.printf(Locale.ROOT, "| %s | %s |%n", s, ms == null ? "not within 90 s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0));
                }
            }
        }
    }

    /** Starts the exec without waiting for it, so sampling keeps its 1 s beat; "-d:" runs it detached. */
    private static void exec(PodmanHarness h, String container, String script) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("podman"));
        cmd.addAll(h.podmanArgs());
        cmd.add("exec");
        if (script.startsWith("-d:")) {
            cmd.add("-d");
            script = script.substring(3);
        }
        cmd.addAll(List.of(container, "sh", "-c", script));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(h.env());
        pb.start();
    }
}
