package io.podwatch.collectors.volume;

import io.podwatch.collectors.volume.audit.VolumeAuditRules;
import io.podwatch.collectors.volume.inotify.InotifySource;
import io.podwatch.core.collect.Collector;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerInventory;
import io.podwatch.core.inventory.InventoryListener;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Sample;
import io.podwatch.core.model.Severity;
import io.podwatch.core.volume.VolumeFields;
import io.podwatch.core.model.SampleBatch;
import io.podwatch.core.volume.VolumeDirectory;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every running container's writable mounts: inotify now (raw, through JNA), audit rules
 * for who, scans as the safety net. Lifecycle: {@link #start()} opens inotify and starts the worker;
 * each {@link #collect} (the CollectorRunner's thread) fetches the inventory, reconciles the audit
 * rules and publishes the metrics; {@link #close()} stops the worker, closes inotify and removes
 * the audit rules this instance added.
 */
public final class VolumeWatcher implements Collector {
    private static final Logger LOG = LoggerFactory.getLogger(VolumeWatcher.class);

    private final VolumeWatcherConfig settings;
    private final MountScope scope;
    private final VolumeDirectory directory;
    private final VolumeAuditRules audit;
    private final Emitter out;
    private final Clock clock;
    private final WatcherStats stats = new WatcherStats();
    private final Map<String, long[]> growth = new HashMap<>();
    private final Map<String, FileStore> stores = new HashMap<>();
    private static final long MIN_BACKLOG = 8192;
    private volatile boolean auditInstalled;
    private String lastAuditProblem = "";
    private InotifySource inotify;
    private VolumeWorker worker;
    private Volumes volumes;
    private Thread thread;
    private ContainerInventory.Subscription subscription;
    private boolean closed;

    /**
     * @param audit the audit rule manager, or null when the audit trail does not run (no who-layer)
     * @param out where change events go (the processing stage)
     */
    public VolumeWatcher(VolumeWatcherConfig settings, MountScope scope, VolumeDirectory directory,
                         VolumeAuditRules audit, Emitter out, Clock clock) {
        this.settings = settings;
        this.scope = scope;
        this.directory = directory;
        this.audit = settings.audit() ? audit : null;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "volumes";
    }

    @Override
    public synchronized void start() throws IOException {
        if (settings.inotify()) {
            try {
                inotify = InotifySource.open(settings.ringBytes());
            } catch (IOException e) {
                LOG.warn("volume watcher: {}; volumes are watched by scanning every {} s instead", e.getMessage(),
                        settings.scanOnlyInterval().toSeconds());
            }
        }
        Watches watches = new Watches(inotify, inotify == null ? 0 : WatchBudget.compute(settings.maxWatches(),
                Path.of("/proc")));
        Changes changes = new Changes(out, clock, settings.hashMaxBytes(), settings.hashesPerMinute());
        volumes = new Volumes(watches, directory, () -> auditInstalled);
        Scanner scanner = new Scanner(watches, changes, stats, out, clock);
        volumes.bind(scanner);
        worker = new VolumeWorker(settings, inotify, watches, volumes, scanner, changes, stats, clock);
        thread = new Thread(worker, "podwatch-volume-worker");
        thread.setDaemon(true);
        thread.start();
        if (scope instanceof InventoryMountScope inv) {
            // a container started or stopped is watched (or dropped) at once, not at the next reconcile;
            // reading the inventory is lock-free and offering is a reference swap: the feed thread never waits
            subscription = inv.inventory().subscribe(new InventoryListener() {
                @Override
                public void added(ContainerInfo c) {
                    volumes.offer(inv.running());
                }

                @Override
                public void changed(ContainerInfo before, ContainerInfo after) {
                    if (before.running() != after.running() || !before.mounts().equals(after.mounts())) {
                        volumes.offer(inv.running());
                    }
                }

                @Override
                public void removed(ContainerInfo last) {
                    volumes.offer(inv.running());
                }
            });
        }
    }

    /** Fault injection for tests and the benchmark: stall the inotify reader. */
    public void stallReaderFor(Duration d) {
        if (inotify != null) {
            inotify.stallReaderFor(d);
        }
    }

    @Override
    public void collect(Emitter sink) throws Exception {
        if (volumes == null) {
            throw new IllegalStateException("volume watcher not started");
        }
        volumes.offer(scope.running());
        if (audit != null) {
            auditInstalled = audit.reconcile(directory.all()) && audit.loaded() > 0;
            directory.auditWatching(auditInstalled);
            reportAuditLimits(sink);
        }
        sink.samples(new SampleBatch(name(), clock.instant(), samples()));
    }

    /**
     * A burst of volume changes is one audit record per syscall: a small kernel backlog loses them
     * (auditctl -s lost) and locked rules cannot be added. Said once per change of the condition.
     */
    private void reportAuditLimits(Emitter sink) {
        String problem = audit.locked() ? "audit rules are locked (auditctl -e 2): podwatch cannot add its "
                + "per-volume rules, so volume changes carry no login user until reboot"
                : audit.loaded() > 0 && audit.backlogLimit() >= 0 && audit.backlogLimit() < MIN_BACKLOG
                ? "kernel audit backlog_limit is " + audit.backlogLimit() + ": a burst of volume changes overflows "
                + "it and audit records are lost (raise it: auditctl -b " + MIN_BACKLOG + ", and -b in audit.rules)"
                : "";
        if (!problem.equals(lastAuditProblem) && !problem.isEmpty()) {
            LOG.warn("volume watcher: {}", problem);
            sink.event(new Event(clock.instant(), EventKind.STATE, "volume-audit-limited", "host", Severity.MEDIUM,
                    VolumeFields.SOURCE, null, problem, Map.of("auditd.data.backlog_limit", audit.backlogLimit())));
        }
        lastAuditProblem = problem;
    }

    private List<Sample> samples() {
        List<Sample> s = new ArrayList<>();
        long now = System.nanoTime();
        Map<String, long[]> seen = new HashMap<>();
        for (WatcherStats.VolumeStat v : stats.volumes()) {
            s.add(VolumeMetrics.SIZE.sample(v.bytes(), v.name(), v.source()));
            s.add(VolumeMetrics.FILES.sample(v.files(), v.name()));
            if (v.lastWriteNanos() > 0) {
                s.add(VolumeMetrics.LAST_WRITE.sample(v.lastWriteNanos() / 1e9, v.name()));
            }
            long[] prev = growth.get(v.id());
            if (prev != null && now > prev[1]) {
                s.add(VolumeMetrics.GROWTH.sample((v.bytes() - prev[0]) / ((now - prev[1]) / 1e9), v.name()));
            }
            seen.put(v.id(), new long[] {v.bytes(), now});
            long avail = avail(v);
            if (avail >= 0) {
                s.add(VolumeMetrics.FS_AVAIL.sample(avail, v.name()));
            }
            s.add(VolumeMetrics.CHANGES.sample(v.changes(), v.name()));
            s.add(VolumeMetrics.SCAN_ONLY.sample(v.scanOnly() ? 1 : 0, v.name()));
            s.add(VolumeMetrics.READ_ONLY.sample(v.readOnly() ? 1 : 0, v.name()));
        }
        growth.clear();
        growth.putAll(seen);
        stores.keySet().retainAll(seen.keySet());
        s.add(VolumeMetrics.WATCHED.sample(stats.volumes().size()));
        s.add(VolumeMetrics.WATCHES.sample(stats.watches()));
        s.add(VolumeMetrics.WATCH_BUDGET.sample(stats.budget()));
        s.add(VolumeMetrics.EVENTS.sample(stats.inotifyEvents.get()));
        s.add(VolumeMetrics.OVERFLOWS.sample(stats.overflows.get()));
        s.add(VolumeMetrics.RING_LOST.sample(stats.ringLost.get()));
        stats.rescans.forEach((reason, n) -> s.add(VolumeMetrics.RESCANS.sample(n.get(), reason)));
        s.add(VolumeMetrics.SCANNED.sample(stats.scannedFiles.get()));
        s.add(VolumeMetrics.SCAN_CPU.sample(stats.scanCpuNanos.get() / 1e9));
        s.add(VolumeMetrics.ERRORS.sample(stats.scanErrors.get(), "scan"));
        s.add(VolumeMetrics.ERRORS.sample(stats.watchErrors.get(), "watch"));
        s.add(VolumeMetrics.ERRORS.sample(stats.failures.get(), "step"));
        if (audit != null) {
            s.add(VolumeMetrics.AUDIT_RULES.sample(audit.loaded()));
            s.add(VolumeMetrics.AUDIT_LOCKED.sample(audit.locked() ? 1 : 0));
        }
        return s;
    }

    /** statvfs of the volume's file system; the FileStore is resolved once per volume (that scans the mount table). */
    private long avail(WatcherStats.VolumeStat v) {
        try {
            FileStore fs = stores.get(v.id());
            if (fs == null) {
                fs = Files.getFileStore(Path.of(v.source()));
                stores.put(v.id(), fs);
            }
            return fs.getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Counters for tests and the benchmark. */
    public long overflows() {
        return stats.overflows.get();
    }

    public long ringLost() {
        return stats.ringLost.get();
    }

    public long rescans(String reason) {
        var n = stats.rescans.get(reason);
        return n == null ? 0 : n.get();
    }

    public int watches() {
        return stats.watches();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        if (worker != null) {
            worker.stop();
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (inotify != null) {
            inotify.close();
        }
        if (volumes != null && (thread == null || !thread.isAlive())) {
            volumes.closeAll();
        }
        if (audit != null) {
            try {
                audit.removeAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
