package io.podwatch.collectors.audit;

import io.podwatch.core.model.AuditMetrics;
import io.podwatch.collectors.audit.parse.AuditEvent;
import io.podwatch.collectors.audit.parse.EventAssembler;
import io.podwatch.collectors.audit.tail.Checkpoint;
import io.podwatch.collectors.audit.tail.CheckpointStore;
import io.podwatch.collectors.audit.tail.LogTailer;
import io.podwatch.core.collect.Backoff;
import io.podwatch.core.collect.LogThrottle;
import io.podwatch.core.durable.FileHealth;
import io.podwatch.core.emit.Emitter;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.lifecycle.NamedThreads;
import io.podwatch.core.model.Event;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail source: its own thread {@code podwatch-audit} tails audit.log, assembles and maps
 * events and hands them over with {@link Emitter#eventAwait} (back-pressure, never drops). The
 * checkpoint advances only after an event was handed over. An unreadable log is reported once with
 * its fix, counted in {@code podwatch_audit_log_readable}, and retried; it never stops the agent.
 */
public final class AuditTrail implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final AuditTrailConfig settings;
    private final AuditEventMapper mapper;
    private final CheckpointStore checkpoints;
    private final Emitter out;
    private final Clock clock;
    private final AuditStats stats;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final LogThrottle failureLog;
    private final LogThrottle checkpointLog;
    private final LogThrottle bugLog;
    private final FileHealth files;
    private final EmittedEvents emitted = new EmittedEvents();
    private Thread thread;
    private LogTailer tailer;
    private AuditPipeline pipeline;
    private long currentLine = Long.MAX_VALUE;
    private long replayEnd = -1;

    public AuditTrail(AuditTrailConfig settings, AuditEventMapper mapper, CheckpointStore checkpoints, Emitter out,
                      Clock clock, AuditStats stats) {
        this(settings, mapper, checkpoints, out, clock, stats, new FileHealth(clock));
    }

    /** @param files told when the checkpoint cannot be saved and when it can again, for {@code /healthz} */
    public AuditTrail(AuditTrailConfig settings, AuditEventMapper mapper, CheckpointStore checkpoints, Emitter out,
                      Clock clock, AuditStats stats, FileHealth files) {
        this.settings = settings;
        this.files = files;
        this.checkpointLog = new LogThrottle(clock, Duration.ofMinutes(1));
        this.bugLog = new LogThrottle(clock, Duration.ofMinutes(1));
        this.mapper = mapper;
        this.checkpoints = checkpoints;
        this.out = out;
        this.clock = clock;
        this.stats = stats;
        this.failureLog = new LogThrottle(clock, Duration.ofMinutes(10));
    }

    @Override
    public String name() {
        return AuditMetrics.SOURCE;
    }

    @Override
    public synchronized void start() {
        if (thread == null) {
            thread = NamedThreads.thread("podwatch-audit", this::run);
            thread.start();
        }
    }

    private void run() {
        Backoff retry = new Backoff(settings.pollInterval(), MAX_RETRY.compareTo(settings.pollInterval()) < 0
                ? settings.pollInterval() : MAX_RETRY);
        int failures = 0;
        try {
            while (stop.getCount() > 0) {
                try {
                    if (tailer == null) {
                        openTailer();
                        failures = 0;
                    }
                    long n = tailer.poll((b, off, len, pos) -> {
                        currentLine = pos + len + 1; // this line's record is in the assembler once handed over
                        pipeline.line(b, off, len, pos);
                    });
                    currentLine = Long.MAX_VALUE;
                    pipeline.expire();
                    if (n > 0 || pipeline.assembler().inFlight() > 0) {
                        saveCheckpointOrReport();
                    }
                    if (n == 0 && stop.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (IOException e) {
                    unreadable(e);
                    closeTailer();
                    if (stop.await(retry.delay(failures++).toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (RuntimeException e) {
                    // a bug on one record must not end the audit trail: start over from the checkpoint
                    stats.readFailures.incrementAndGet();
                    if (bugLog.pass() >= 0) {
                        LOG.error("audit trail failed on {}; reopening from the checkpoint", settings.log(), e);
                    }
                    closeTailer();
                    if (stop.await(retry.delay(failures++).toMillis(), TimeUnit.MILLISECONDS)) {
                        break;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // close() interrupts a hand-over blocked on a full queue
        } finally {
            try {
                saveCheckpoint();
            } catch (IOException e) {
                LOG.warn("could not save the audit checkpoint {} on stop: {}", checkpoints.file(), e.getMessage());
            }
            closeTailer();
        }
    }

    private void openTailer() throws IOException {
        Checkpoint cp;
        try {
            cp = checkpoints.load().orElse(null);
        } catch (IOException e) {
            throw new CheckpointUnusable(e);
        }
        LogTailer t = new LogTailer(settings.log(), 1 << 20);
        EventAssembler assembler = new EventAssembler(clock, settings.eventTimeout().toMillis(), settings.maxInFlight());
        pipeline = new AuditPipeline(assembler, this::handOver, stats, clock);
        if (!t.open(cp, settings.fromBeginning())) {
            LOG.warn("the audit log file of the checkpoint ({}) is gone, rotated away while podwatch was stopped; "
                    + "reading {} from its start, earlier events were not seen", cp.fileKey(), settings.log());
            t.close();
            t.open(null, true);
        } else if (cp != null) {
            emitted.restore(cp.emitted());
            LOG.debug("audit log resumed at {} offset {} ({} events already handed over after it)", cp.fileKey(),
                    cp.offset(), cp.emitted().size());
        }
        tailer = t;
        stats.readable = true;
        failureLog.reset();
    }

    private void handOver(AuditEvent ae) throws InterruptedException {
        if (emitted.alreadyEmitted(ae.key())) {
            return; // handed over before a restart
        }
        Event e = mapper.map(ae);
        if (e == null) {
            return;
        }
        out.eventAwait(e);
        emitted.add(ae.key(), ae.firstPosition());
        if (!settings.logAllEvents()) {
            saveCheckpointOrReport(); // rule matches are rare: make each one durable, so kill -9 repeats none
        }
    }

    /**
     * A checkpoint that cannot be written (disk full) is the checkpoint's problem, not the audit
     * log's: it is reported naming the checkpoint file, for the log and {@code /healthz}, while
     * reading goes on (a restart would then repeat some events, which the log line says).
     */
    private void saveCheckpointOrReport() {
        try {
            saveCheckpoint();
            files.ok(checkpoints.file());
            checkpointLog.reset();
        } catch (IOException e) {
            files.failed(checkpoints.file(), e);
            String note = checkpointLog.note();
            if (note != null) {
                LOG.warn("cannot save the audit checkpoint {}: {}; reading goes on, a restart may repeat events{}",
                        checkpoints.file(), e.getMessage(), note);
            }
        }
    }

    /** Saves the position before which every event is finished and handed over. */
    private void saveCheckpoint() throws IOException {
        if (tailer == null || pipeline == null) {
            return;
        }
        // mid-read, every line before the current one is processed; between reads, all that was consumed
        long read = currentLine != Long.MAX_VALUE ? currentLine : tailer.consumed();
        long safe = Math.min(pipeline.assembler().oldestOpenPosition(), read);
        List<String> keys = emitted.prune(safe, pipeline.assembler().inFlight() == 0 && currentLine == Long.MAX_VALUE);
        checkpoints.save(tailer.checkpoint(safe, keys));
        tailer.prune(safe);
    }

    /** The checkpoint, not the audit log, is what failed: named as such in the log and in /healthz. */
    private static final class CheckpointUnusable extends IOException {
        CheckpointUnusable(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private void unreadable(IOException e) {
        if (e instanceof CheckpointUnusable) {
            files.failed(checkpoints.file(), e);
            if (failureLog.pass() >= 0) {
                LOG.warn("cannot use the audit checkpoint {}: {}; retrying", checkpoints.file(), e.getMessage());
            }
            return;
        }
        stats.readable = false;
        stats.readFailures.incrementAndGet();
        if (failureLog.pass() < 0) {
            return;
        }
        String fix = e instanceof AccessDeniedException
                ? "podwatch's user cannot read it: run podwatch as root, or add its user to the log group (adm) and "
                        + "set log_group = adm in /etc/audit/auditd.conf, then restart auditd"
                : e instanceof NoSuchFileException
                        ? "it does not exist: is auditd installed and running (systemctl status auditd)? "
                                + "Set audit.log if it writes elsewhere, or audit.enabled: false"
                        : e.getMessage();
        LOG.warn("cannot read the audit log {}: {}; retrying", settings.log(), fix);
    }

    private void closeTailer() {
        if (tailer != null) {
            tailer.close();
            tailer = null;
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        stop.countDown();
        if (t == null) {
            return;
        }
        try {
            t.join(5000);
            if (t.isAlive()) {
                t.interrupt(); // blocked handing over to a full queue
                t.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
