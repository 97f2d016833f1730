package io.podwatch.collectors.posture;

import io.podwatch.core.collect.Collector;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.emit.Emitter;
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
 * Keeps every container's and the host's posture findings current. {@link #collect} (on the
 * runner's schedule, {@code posture.interval}) re-checks every container and, when due
 * ({@code posture.host-interval}, and on the first run), the host, image and trust checks.
 * {@link #check} re-checks one container on its own {@code podwatch-posture} thread when it is
 * created or started. Each change emits a finding event (raised or resolved) and the complete
 * {@code posture} sample batch.
 */
public final class PostureCollector implements Collector, PostureTrigger {
    private static final Logger LOG = LoggerFactory.getLogger(PostureCollector.class);
    private static final int QUEUE = 256;

    private final PostureScanner scanner;
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
    private boolean closed;

    public PostureCollector(PostureScanner scanner, PostureConfig config, Clock clock) {
        this.scanner = scanner;
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
                List<Finding> host = scanner.host(engine);
                synchronized (lock) {
                    publish(ledger.replace(Finding.HOST, host), emitter);
                }
            }
        }
        Set<String> knownBefore;
        synchronized (lock) {
            knownBefore = new HashSet<>(checked.keySet());
        }
        List<String> ids = scanner.containerIds();
        ContainerContext scan = context.fresh();
        for (String id : ids) {
            checkNow(id, scan, emitter);
        }
        synchronized (lock) {
            // only what was known before the listing can be gone: a container an event check added
            // meanwhile is not in the list yet, and must not flap resolved
            knownBefore.removeAll(ids);
            for (String gone : knownBefore) {
                checked.remove(gone);
                publish(ledger.replace(gone, List.of()), emitter);
            }
            emitter.samples(PostureMetrics.batch(ledger.all(), checked.values(), clock.instant()));
        }
    }

    private void checkNow(String id, ContainerContext ctx, Emitter emitter) {
        Optional<PostureScanner.ContainerResult> result;
        try {
            result = scanner.container(id, ctx);
        } catch (IOException | RuntimeException e) {
            // removed since it was listed, or an inspect shape we cannot read: the next scan decides
            LOG.debug("posture: container {} not checked: {}", id, e.getMessage());
            return;
        }
        synchronized (lock) {
            if (result.isEmpty()) {
                return;
            }
            checked.put(id, result.get().ref());
            publish(ledger.replace(id, result.get().findings()), emitter);
        }
    }

    /** Caller holds the lock. */
    private void publish(FindingLedger.Changes changes, Emitter emitter) {
        Instant now = clock.instant();
        // rule.reference names the guide and section a reader can find, not a seed file
        changes.raised().forEach(f -> emitter.event(FindingEvents.raised(f, now, SeedSections.of(f.check()))));
        changes.resolved().forEach(f -> emitter.event(FindingEvents.resolved(f, now, SeedSections.of(f.check()))));
    }

    @Override
    public void check(String containerId) {
        submit("check " + containerId, () -> {
            Emitter emitter = out;
            ContainerContext ctx = context;
            if (emitter != null && ctx != null) {
                checkNow(containerId, ctx.fresh(), emitter);
                synchronized (lock) {
                    emitter.samples(PostureMetrics.batch(ledger.all(), checked.values(), clock.instant()));
                }
            }
        });
    }

    @Override
    public void forget(String containerId) {
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
        NamedThreads.shutdown(worker, Duration.ofSeconds(5));
    }
}
