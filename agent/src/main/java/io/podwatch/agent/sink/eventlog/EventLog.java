package io.podwatch.agent.sink.eventlog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.podwatch.core.collect.Backoff;
import io.podwatch.core.collect.LogThrottle;
import io.podwatch.core.durable.FileHealth;
import io.podwatch.core.lifecycle.NamedThreads;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.EventKind;
import io.podwatch.core.model.Severity;
import io.podwatch.agent.sink.EventSinkFactory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local event log: every event and alert state change as an ECS JSON line. {@link #accept} is
 * called from the processing thread (and dispatchers) and only enqueues; the thread
 * {@code podwatch-eventlog} encodes and writes. A full queue drops and counts. A write failure (disk
 * full) is counted, logged at most once a minute, and retried with the same line after a pause —
 * never fatal; once writing works again, a line records how long it failed.
 */
public final class EventLog implements EventSinkFactory.Output {
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);

    private final EventLogConfig config;
    private final Clock clock;
    private final BlockingQueue<Event> queue;
    private final Counter dropped;
    private final Counter writeErrors;
    private final Counter written;
    private final LogThrottle failureLog;
    private final FileHealth files;
    private final Thread thread;
    private volatile boolean running;
    private RotatingFile file;
    private Instant failingSince;
    private long failures;

    public EventLog(EventLogConfig config, Clock clock, MeterRegistry meters) {
        this(config, clock, meters, new FileHealth(clock));
    }

    /** @param files told about each failing and recovered write, for {@code /healthz} */
    public EventLog(EventLogConfig config, Clock clock, MeterRegistry meters, FileHealth files) {
        this.config = config;
        this.files = files;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.dropped = Counter.builder("podwatch.eventlog.dropped").description("Events not logged because the queue was full").register(meters);
        this.writeErrors = Counter.builder("podwatch.eventlog.write.errors").description("Failed writes to the event log (retried)").register(meters);
        this.written = Counter.builder("podwatch.eventlog.written").description("Lines written to the event log").register(meters);
        Gauge.builder("podwatch.eventlog.queue", queue, BlockingQueue::size).description("Events waiting to be written").register(meters);
        this.failureLog = new LogThrottle(clock, Duration.ofMinutes(1));
        this.thread = NamedThreads.thread("podwatch-eventlog", this::loop);
    }

    @Override
    public String name() {
        return "eventlog";
    }

    @Override
    public String target() {
        return "the event log " + config.path();
    }

    @Override
    public void start() {
        file = new RotatingFile(config.path(), config.maxFileBytes(), config.keepFiles());
        running = true;
        thread.start();
    }

    @Override
    public void accept(Event event) {
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    private void loop() {
        List<Event> batch = new ArrayList<>();
        try {
            while (running || !queue.isEmpty()) {
                Event first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, 511);
                List<String> lines = new ArrayList<>(batch.size());
                for (Event e : batch) {
                    try {
                        lines.add(EcsJson.line(e));
                    } catch (RuntimeException bad) {
                        dropped.increment(); // one unencodable event must not stop the log
                        LOG.warn("event {} from {} not logged: {}", e.action(), e.source(), bad.toString());
                    }
                }
                writeUntilDone(lines);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeUntilDone(List<String> lines) throws InterruptedException {
        Backoff backoff = new Backoff(config.retryInitial(), config.retryMax());
        int attempt = 0;
        while (true) {
            int before = lines.size();
            try {
                file.write(lines);
                written.increment(before);
                recovered();
                return;
            } catch (IOException e) {
                written.increment(before - lines.size());
                failed(e);
                if (!running && failures > 3) {
                    dropped.increment(lines.size()); // stopping: give up rather than hang close()
                    return;
                }
                TimeUnit.MILLISECONDS.sleep(backoff.delay(attempt++).toMillis());
            }
        }
    }

    private void failed(IOException e) {
        writeErrors.increment();
        failures++;
        if (failingSince == null) {
            failingSince = clock.instant();
        }
        files.failed(config.path(), e);
        String note = failureLog.note();
        if (note != null) {
            LOG.warn("event log {} not writable, retrying: {}{}", config.path(), e.toString(), note);
        }
    }

    /** Records the outage in the log itself; that line is informational, so a failure here is only counted. */
    private void recovered() {
        if (failingSince == null) {
            return;
        }
        Instant since = failingSince;
        long n = failures;
        failingSince = null;
        failures = 0;
        files.ok(config.path());
        failureLog.reset();
        LOG.info("event log {} writable again after {} failed writes", config.path(), n);
        try {
            file.write(new ArrayList<>(List.of(EcsJson.line(new Event(clock.instant(), EventKind.EVENT, "event-log-write-failed", "host",
                    Severity.MEDIUM, "eventlog", null, "Event log was not writable from " + since + " (" + n
                    + " failed writes); lines were held and retried", Map.of("podwatch.eventlog.failed_writes", n))))));
        } catch (IOException e) {
            writeErrors.increment();
        }
    }

    /** Writes what is queued (bounded), then stops. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        NamedThreads.join(thread, Duration.ofSeconds(3), Duration.ofSeconds(1));
        if (file != null) {
            file.close();
        }
    }
}
