package io.podwatch.collectors.posture;

import io.podwatch.core.collect.Collector;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerInventory;
import io.podwatch.core.inventory.InventoryListener;
import io.podwatch.core.lifecycle.NamedThreads;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.posture.Finding;
import io.podwatch.collectors.posture.report.SeedSections;
import io.podwatch.core.posture.FindingEvents;
import io.podwatch.core.posture.FindingLedger;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every container's and the host's posture findings current, reading containers from the
 * {@link ContainerInventory} (it never lists or inspects them itself). {@link #collect} (on the
 * runner's schedule, {@code posture.interval}) re-checks every container and, when due
 * ({@code posture.host-interval}, and on the first run), the host, image and trust checks. A
 * container the inventory adds, or whose run or configuration changes, is re-checked at once on
 * the {@code podwatch-posture} thread; one it removes is forgotten. Each change emits a finding
 * event (raised or resolved) and the complete {@code posture} sample batch.
 */
public final class PostureCollector implements Collector {
    private static final Logger LOG = LoggerFactory.getLogger(PostureCollector.class);
    private static final int QUEUE = 256;

    private final PostureScanner scanner;
    private final ContainerInventory inventory;
    private final PostureConfig config;
    private final Clock clock;
    private final Object lock = new Object();
    private final FindingLedger ledger = new FindingLedger();
    private final Map<String, ContainerRef> checked = new LinkedHashMap<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final AtomicLong dropped = new AtomicLong();
    private volatile Emitter out;
    private volatile ContainerContext context;
    private Instant nextHostRun = Instant.MIN;
    private ThreadPoolExecutor worker;
    private ContainerInventory.Subscription subscription;
    private boolean closed;

    public PostureCollector(PostureScanner scanner, ContainerInventory inventory, PostureConfig config, Clock clock) {
        this.scanner = scanner;
        this.inventory = inventory;
        this.config = config;
        this.clock = clock;
    }

    /** How the lead registers it with the {@link CollectorRunner}; the timeout leaves room for apt-get -s. */
    public CollectorRunner.Schedule schedule() {
        Duration timeout = config.interval().compareTo(Duration.ofMinutes(3)) < 0 ? config.interval() : Duration.ofMinutes(3);
        return new CollectorRunner.Schedule(config.interval(), timeout);
    }

    @Override
    public String name() {
        return "posture";
    }

    @Override
    public synchronized void start() {
        if (worker == null && !closed) {
            worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                    NamedThreads.daemon("podwatch-posture"), new ThreadPoolExecutor.AbortPolicy());
            subscription = inventory.subscribe(new Changes());
        }
    }

    /** Inventory changes, on the feed's thread: only queue work here, never block. */
    private final class Changes implements InventoryListener {
        @Override
        public void added(ContainerInfo c) {
            check(c);
        }

        @Override
        public void changed(ContainerInfo before, ContainerInfo after) {
            if (PostureScanner.relevantChange(before, after)) {
                check(after);
            }
        }

        @Override
        public void removed(ContainerInfo last) {
            forget(last.id());
        }
    }

    @Override
    public void collect(Emitter emitter) throws IOException, InterruptedException {
        out = emitter;
        Instant now = clock.instant();
        boolean hostDue;
        synchronized (lock) {
            hostDue = !now.isBefore(nextHostRun);
            if (hostDue) {
                nextHostRun = now.plus(config.hostInterval());
            }
        }
        if (hostDue || context == null) {
            EngineInfo engine = scanner.engineInfo();
            context = scanner.context(engine);
            if (hostDue) {
                List<Finding> host = scanner.host(engine, inventory.all());
                synchronized (lock) {
                    publish(ledger.replace(Finding.HOST, host), emitter);
                }
            }
        }
        Set<String> knownBefore;
        synchronized (lock) {
            knownBefore = new HashSet<>(checked.keySet());
        }
        List<ContainerInfo> containers = inventory.all();
        ContainerContext scan = context.fresh();
        Set<String> ids = new HashSet<>();
        for (ContainerInfo c : containers) {
            ids.add(c.id());
            checkNow(c, scan, emitter);
        }
        synchronized (lock) {
            // only what was known before the listing can be gone: a container an event check added
            // meanwhile is not in the list yet, and must not flap resolved; and only a complete
            // inventory can tell that something is gone
            knownBefore.removeAll(ids);
            for (String gone : inventory.synced() ? knownBefore : Set.<String>of()) {
                checked.remove(gone);
                publish(ledger.replace(gone, List.of()), emitter);
            }
            emitter.samples(PostureMetrics.batch(ledger.all(), checked.values(), clock.instant()));
        }
    }

    private void checkNow(ContainerInfo c, ContainerContext ctx, Emitter emitter) {
        Optional<PostureScanner.ContainerResult> result;
        try {
            result = scanner.container(c, ctx);
        } catch (RuntimeException e) {
            // a shape we cannot read: the next scan decides
            LOG.debug("posture: container {} not checked: {}", c.id(), e.getMessage());
            return;
        }
        synchronized (lock) {
            if (result.isEmpty()) {
                return;
            }
            checked.put(c.id(), result.get().ref());
            publish(ledger.replace(c.id(), result.get().findings()), emitter);
        }
    }

    /** Caller holds the lock. */
    private void publish(FindingLedger.Changes changes, Emitter emitter) {
        Instant now = clock.instant();
        // rule.reference names the guide and section a reader can find, not a seed file
        changes.raised().forEach(f -> emitter.event(FindingEvents.raised(f, now, SeedSections.of(f.check()))));
        changes.resolved().forEach(f -> emitter.event(FindingEvents.resolved(f, now, SeedSections.of(f.check()))));
    }

    /** Re-checks one container on the worker, as the inventory knows it when the work runs. */
    private void check(ContainerInfo c) {
        submit("check " + c.key(), () -> {
            Emitter emitter = out;
            ContainerContext ctx = context;
            Optional<ContainerInfo> current = inventory.get(c.key());
            if (emitter != null && ctx != null && current.isPresent()) {
                checkNow(current.get(), ctx.fresh(), emitter);
                synchronized (lock) {
                    emitter.samples(PostureMetrics.batch(ledger.all(), checked.values(), clock.instant()));
                }
            }
        });
    }

    private void forget(String containerId) {
        submit("forget " + containerId, () -> {
            Emitter emitter = out;
            synchronized (lock) {
                checked.remove(containerId);
                FindingLedger.Changes gone = ledger.replace(containerId, List.of());
                if (emitter != null) {
                    publish(gone, emitter);
                    emitter.samples(PostureMetrics.batch(ledger.all(), checked.values(), clock.instant()));
                }
            }
        });
    }
    /** Queues {@code work} unless the same request is already waiting. */
    private void submit(String request, Runnable work) {
        ThreadPoolExecutor w;
        synchronized (this) {
            // before start and after close there is no thread to hand work to; the next scan covers it
            w = closed ? null : worker;
        }
        if (w == null || !pending.add(request)) {
            return;
        }
        try {
            w.execute(() -> {
                pending.remove(request);
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // one bad container must not stop event-driven checks; the next full scan retries it
                    LOG.warn("posture: {} failed: {}", request, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            pending.remove(request);
            dropped.incrementAndGet();
        }
    }

    /** Requests dropped because the worker's queue was full (the next full scan covers them). */
    public long dropped() {
        return dropped.get();
    }

    /** The current findings, for tests and the status page. */
    public List<Finding> findings() {
        synchronized (lock) {
            return ledger.all();
        }
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
        NamedThreads.shutdown(worker, Duration.ofSeconds(5));
    }
}
