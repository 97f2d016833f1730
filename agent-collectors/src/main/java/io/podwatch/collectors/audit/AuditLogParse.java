package io.podwatch.collectors.audit;

import io.podwatch.collectors.audit.enrich.Attribution;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.EventDecoder;
import io.podwatch.collectors.audit.enrich.ProcessContainers;
import io.podwatch.collectors.audit.enrich.UserDb;
import io.podwatch.collectors.audit.parse.EventAssembler;
import io.podwatch.collectors.audit.parse.LineSplitter;
import io.podwatch.collectors.audit.parse.Syscalls;
import io.podwatch.core.model.Event;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.rules.audit.DefaultAuditRules;
import io.podwatch.core.text.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code podwatch audit parse FILE...}: reads audit logs offline (a rotated set oldest first:
 * audit.log.3, .2, .1, audit.log), assembles, decodes and attributes every event and prints it as a
 * JSON line (ECS, nested) or a text line. Attribution uses this host's /proc and user database, so
 * it is right for files parsed where they were written.
 */
public final class AuditLogParse {
    private final ContainerNames names;
    private final Clock clock;

    public AuditLogParse(ContainerNames names, Clock clock) {
        this.names = names;
        this.clock = clock;
    }

    /** What a run did. */
    public record Result(long records, long events, long parseErrors, long possiblyLost) {
    }

    public Result run(List<Path> files, Consumer<Event> out) throws IOException, InterruptedException {
        AuditStats stats = new AuditStats();
        Attribution attribution = new Attribution(UserDb.host(clock),
                new ProcessContainers(Path.of("/proc"), clock, 60_000), names, Path.of("/proc"), clock);
        AuditEventMapper mapper = new AuditEventMapper(new EventDecoder(Syscalls.load()), attribution,
                new AuditRuleSet(DefaultAuditRules.all()), true, stats);
        // offline there is no arrival time to wait on: events close on their last record or at the end
        EventAssembler assembler = new EventAssembler(clock, Long.MAX_VALUE, 65_536);
        AuditPipeline pipeline = new AuditPipeline(assembler, ev -> out.accept(mapper.map(ev)), stats, clock);
        LineSplitter lines = new LineSplitter(1 << 20);
        byte[] buf = new byte[1 << 16];
        for (Path f : ordered(files)) {
            try (InputStream in = Files.newInputStream(f)) {
                long pos = 0;
                for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                    lines.feed(buf, 0, n, pos, pipeline);
                    pos += n;
                }
                lines.feed(new byte[] {'\n'}, 0, lines.pending() > 0 ? 1 : 0, pos, pipeline);
            }
        }
        pipeline.flush();
        return new Result(stats.records(), stats.events(), stats.parseErrors(), stats.possiblyLost());
    }

    /** Rotated siblings first, highest number first; then the others in the order given. */
    static List<Path> ordered(List<Path> files) {
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingLong(AuditLogParse::rotation).reversed());
        return sorted;
    }

    private static long rotation(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        try {
            return dot < 0 ? 0 : Long.parseLong(n.substring(dot + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * One text line for {@code e} (the JSON form is the event log's encoder, {@code EcsJson}). File
     * names and argv are chosen by users, so control characters are escaped: one event, one line.
     */
    public static String text(Event e) {
        StringBuilder sb = new StringBuilder(e.time().toString()).append(' ').append(Printable.escape(e.action()));
        for (Map.Entry<String, Object> f : e.fields().entrySet()) {
            sb.append(' ').append(Printable.escape(f.getKey())).append('=').append(Printable.escape(String.valueOf(f.getValue())));
        }
        return sb.toString();
    }
}
