package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.parse.AuditRecord;
import io.podwatch.collectors.audit.parse.EventAssembler;
import io.podwatch.collectors.audit.parse.LineSplitter;
import io.podwatch.collectors.audit.parse.RecordParser;
import io.podwatch.core.collect.LogThrottle;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lines → records → events: parses each line and feeds the assembler. An invalid line is counted
 * and skipped with a rate-limited log line (without its content: it may hold secrets typed on a
 * command line); it never stops the stream. Not thread-safe: one per reading thread.
 */
public final class AuditPipeline implements LineSplitter.LineSink {
    private static final Logger LOG = LoggerFactory.getLogger(AuditPipeline.class);

    private final RecordParser parser = new RecordParser();
    private final EventAssembler assembler;
    private final EventAssembler.Sink sink;
    private final AuditStats stats;
    private final LogThrottle badLineLog;

    public AuditPipeline(EventAssembler assembler, EventAssembler.Sink sink, AuditStats stats, Clock clock) {
        this.assembler = assembler;
        this.sink = sink;
        this.stats = stats;
        this.badLineLog = new LogThrottle(clock, Duration.ofMinutes(1));
    }

    @Override
    public void line(byte[] buf, int off, int len, long position) throws InterruptedException {
        if (len == 0) {
            return;
        }
        AuditRecord r;
        try {
            r = parser.parse(buf, off, len);
        } catch (RecordParser.BadRecord | RuntimeException e) {
            stats.parseErrors.increment();
            long held = badLineLog.pass();
            if (held >= 0) {
                LOG.warn("skipped an audit.log line that is not an audit record ({}) at position {}{}",
                        e.getMessage(), position, held > 0 ? "; " + held + " more since the last report" : "");
            }
            return;
        }
        stats.records.increment();
        assembler.add(r, position, sink);
    }

    /** Closes events that waited too long; call after every read pass and when idle. */
    public void expire() throws InterruptedException {
        assembler.expire(sink);
        publish();
    }

    /** Closes all open events (end of offline input). */
    public void flush() throws InterruptedException {
        assembler.flush(sink);
        publish();
    }

    public EventAssembler assembler() {
        return assembler;
    }

    private void publish() {
        stats.possiblyLost.set(assembler.possiblyLost());
        stats.evicted.set(assembler.evicted());
    }
}
