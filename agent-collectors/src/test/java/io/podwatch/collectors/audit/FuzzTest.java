package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.audit.enrich.Attribution;
import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.audit.enrich.EventDecoder;
import io.podwatch.collectors.audit.enrich.ProcessContainers;
import io.podwatch.collectors.audit.enrich.UserDb;
import io.podwatch.collectors.audit.parse.EventAssembler;
import io.podwatch.collectors.audit.parse.LineSplitter;
import io.podwatch.collectors.audit.parse.Syscalls;
import io.podwatch.core.rules.audit.AuditRuleSet;
import io.podwatch.core.rules.audit.DefaultAuditRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated real lines through the whole pipeline: nothing escapes, memory stays bounded. */
class FuzzTest {
    @Test
    void mutatedAndRandomLinesNeverThrowAndStayBounded() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        try (var files = Files.list(AuditSamplesTest.DIR)) {
            for (Path f : files.filter(p -> !p.toString().endsWith(".md")).toList()) {
                for (String l : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                    seeds.add(l.getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        }
        Clock clock = Clock.systemUTC();
        AuditStats stats = new AuditStats();
        AuditEventMapper mapper = new AuditEventMapper(new EventDecoder(Syscalls.load()),
                new Attribution(UserDb.host(clock), new ProcessContainers(Path.of("/nonexistent"), clock, 1000),
                        ContainerNames.none(), Path.of("/nonexistent"), clock),
                new AuditRuleSet(DefaultAuditRules.all()), true, stats);
        EventAssembler assembler = new EventAssembler(clock, 60_000, 256);
        long[] events = new long[1];
        AuditPipeline pipeline = new AuditPipeline(assembler, e -> {
            mapper.map(e);
            events[0]++;
        }, stats, clock);
        LineSplitter lines = new LineSplitter(64 * 1024);
        Random rnd = new Random(42);
        byte[] alphabet = "=\"' ()0123456789abcdefABCDEF:.[]_-\u001d\n\\xyztypemsgaudit".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 100_000; i++) {
            byte[] line = seeds.get(rnd.nextInt(seeds.size())).clone();
            int mutations = rnd.nextInt(6);
            for (int m = 0; m < mutations && line.length > 0; m++) {
                int at = rnd.nextInt(line.length);
                line[at] = rnd.nextBoolean() ? alphabet[rnd.nextInt(alphabet.length)] : (byte) rnd.nextInt(256);
            }
            if (rnd.nextInt(20) == 0) {
                line = new byte[rnd.nextInt(300)];
                rnd.nextBytes(line);
            }
            lines.feed(line, 0, line.length, i, pipeline);
            lines.feed(new byte[] {'\n'}, 0, 1, i, pipeline);
        }
        pipeline.flush();
        assertThat(assembler.inFlight()).isZero();
        assertThat(stats.records()).isGreaterThan(20_000);
        assertThat(stats.parseErrors()).isPositive();
        assertThat(events[0]).isPositive();
        assertThat(stats.eventCounts().size()).isLessThanOrEqualTo(AuditStats.MAX_SERIES + 1);
    }
}
