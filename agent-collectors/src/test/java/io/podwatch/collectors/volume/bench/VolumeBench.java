package io.podwatch.collectors.volume.bench;

import io.podwatch.collectors.volume.MountScope;
import io.podwatch.collectors.volume.VolumeWatcher;
import io.podwatch.collectors.volume.VolumeWatcherConfig;
import io.podwatch.collectors.volume.index.VolumeIndex;
import io.podwatch.collectors.volume.scan.FileStat;
import io.podwatch.collectors.volume.scan.SafeFs;
import io.podwatch.collectors.volume.scan.TreeWalker;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.volume.VolumeDirectory;
import io.podwatch.core.volume.VolumeFields;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The volume watcher's costs on this machine's real inotify and file system: CPU per change event,
 * 10k events/s sustained, detection latency, a full scan of 100k files, watches and memory at 100k
 * files in 1k directories, idle CPU. Worker and reader CPU is read per thread, so the load the
 * benchmark itself generates is not counted. {@code VolumeBench [workDir]}; see docs/performance.md.
 */
public final class VolumeBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private VolumeBench() {
    }

    /** Counts change events and remembers when each path was first reported. */
    static final class Sink implements Emitter {
        final AtomicLong events = new AtomicLong();
        final Map<String, Long> seenAt = new ConcurrentHashMap<>();
        volatile boolean record;

        @Override
        public void samples(SampleBatch batch) {
        }

        @Override
        public void event(Event e) {
            events.incrementAndGet();
            if (record) {
                seenAt.putIfAbsent(String.valueOf(e.fields().get(VolumeFields.PATH)), System.nanoTime());
            }
        }

        @Override
        public void eventAwait(Event e) {
            event(e);
        }
    }

    static VolumeWatcherConfig config() {
        return new VolumeWatcherConfig(true, true, false, Duration.ofSeconds(10), Duration.ofHours(6), 0.1,
                Duration.ofMinutes(1), 8L << 20, 0, 64L << 20, 600, Duration.ofMillis(500), Duration.ofHours(1), 30);
    }

    static MountScope scope(Path dir) {
        ContainerRef c = new ContainerRef("bench", "bench", "img", "");
        return () -> List.of(new MountScope.ContainerMounts(c,
                List.of(new MountScope.Mount("bind", "", dir, "/data", true))));
    }

    static long watcherCpu() {
        long n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("podwatch-volume")) {
                long c = THREADS.getThreadCpuTime(t.getId());
                n += Math.max(0, c);
            }
        }
        return n;
    }

    static long rssKib() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "/tmp/podwatch-volume-bench"));
        System.out.printf(Locale.ROOT, "heap max %d MiB, %d CPU(s) visible%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        Path tree = Files.createTempDirectory(work, "tree");
        for (int d = 0; d < 1000; d++) {
            Path dir = Files.createDirectory(tree.resolve("d" + d));
            for (int f = 0; f < 100; f++) {
                Files.writeString(dir.resolve("f" + f), "x");
            }
        }
        fullScan(tree);
        fullScan(tree);
        Sink sink = new Sink();
        System.gc();
        long rss0 = rssKib();
        long heap0 = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        try (VolumeWatcher w = new VolumeWatcher(config(), scope(tree), new VolumeDirectory(), null, sink,
                Clock.systemUTC())) {
            w.start();
            long t0 = System.nanoTime();
            w.collect(sink);
            while (w.watches() < 1001 && System.nanoTime() - t0 < 60e9) {
                Thread.sleep(50);
            }
            System.gc();
            Thread.sleep(1500);
            System.out.printf(Locale.ROOT, "100k files / 1k dirs watched: %d watches, baseline %.2f s wall, "
                            + "heap +%.1f MiB, RSS +%.1f MiB%n", w.watches(), (System.nanoTime() - t0) / 1e9 - 1.5,
                    (ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() - heap0) / 1048576.0,
                    (rssKib() - rss0) / 1024.0);
            long c0 = watcherCpu();
            Thread.sleep(30_000);
            System.out.printf(Locale.ROOT, "idle 30 s: watcher CPU %.1f ms (%.3f %% of a core)%n",
                    (watcherCpu() - c0) / 1e6, (watcherCpu() - c0) / 1e6 / 300);
            perEvent(w, sink, tree);
            sustained(sink, tree, 10_000, 10);
            latency(sink, tree, 1000);
        }
    }

    static void fullScan(Path tree) throws Exception {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int fd = SafeFs.openRoot(tree);
        VolumeIndex idx = new VolumeIndex();
        TreeWalker.walk(fd, "", SafeFs.statFd(fd).dev(), new TreeWalker.Visitor() {
            @Override
            public void directory(String rel, int dirFd, FileStat stat) {
            }

            @Override
            public void entry(String rel, FileStat stat) {
                idx.put(rel, stat);
            }
        });
        SafeFs.close(fd);
        System.out.printf(Locale.ROOT, "full scan into the index: %d entries, %.2f s CPU, %.2f s wall%n",
                idx.entries(), (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9, (System.nanoTime() - t0) / 1e9);
    }

    static void perEvent(VolumeWatcher w, Sink sink, Path tree) throws Exception {
        Path dir = Files.createDirectory(tree.resolve("burst"));
        Thread.sleep(500);
        long e0 = sink.events.get();
        long c0 = watcherCpu();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve("b" + i), "y");
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (sink.events.get() - e0 < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        long events = sink.events.get() - e0;
        long cpu = watcherCpu() - c0;
        System.out.printf(Locale.ROOT, "%d files written as fast as one thread can: %d change events, "
                        + "watcher CPU %.2f s = %.1f µs per event (overflows %d, ring full %d)%n", n, events,
                cpu / 1e9, cpu / 1e3 / Math.max(1, events), w.overflows(), w.ringLost());
    }

    static void sustained(Sink sink, Path tree, int perSecond, int seconds) throws Exception {
        Path dir = Files.createDirectory(tree.resolve("steady"));
        Thread.sleep(500);
        long e0 = sink.events.get();
        long c0 = watcherCpu();
        long start = System.nanoTime();
        int n = 0;
        for (int s = 0; s < seconds; s++) {
            for (int i = 0; i < perSecond; i++) {
                long due = start + (long) ((s + i / (double) perSecond) * 1e9);
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                Files.writeString(dir.resolve("s" + n++), "z");
            }
        }
        long wall = System.nanoTime() - start;
        Thread.sleep(2000);
        long cpu = watcherCpu() - c0;
        System.out.printf(Locale.ROOT, "sustained %d files/s for %d s (achieved %.0f/s): %d change events, "
                        + "watcher CPU %.1f %% of a core%n", perSecond, seconds, n / (wall / 1e9),
                sink.events.get() - e0, cpu / (double) (wall + 2_000_000_000L) * 100);
    }

    static void latency(Sink sink, Path tree, int samples) throws Exception {
        Path dir = Files.createDirectory(tree.resolve("latency"));
        Thread.sleep(500);
        sink.record = true;
        List<Long> lat = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            Path f = dir.resolve("l" + i);
            long t = System.nanoTime();
            Files.writeString(f, "w");
            long deadline = t + 5_000_000_000L;
            Long seen;
            while ((seen = sink.seenAt.get(f.toString())) == null && System.nanoTime() < deadline) {
                Thread.sleep(0, 200_000);
            }
            lat.add(seen == null ? 5_000_000_000L : seen - t);
            Thread.sleep(5);
        }
        Collections.sort(lat);
        System.out.printf(Locale.ROOT, "detection latency over %d files (write → change event): p50 %.2f ms, "
                        + "p95 %.2f ms, max %.2f ms%n", samples, lat.get(samples / 2) / 1e6,
                lat.get(samples * 95 / 100) / 1e6, lat.get(samples - 1) / 1e6);
    }
}
