package io.podwatch.collectors.audit.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventAssemblerTest {
    final MutableClock clock = MutableClock.atEpochSecond(0);
    final List<AuditEvent> out = new ArrayList<>();
    final RecordParser parser = new RecordParser();

    void add(EventAssembler a, String line) throws Exception {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        a.add(parser.parse(b, 0, b.length), 0, out::add);
    }

    static String rec(String type, long serial) {
        return "type=" + type + " msg=audit(1700000000.000:" + serial + "): x=1";
    }

    @Test
    void interleavedEventsCloseOnTheirProctitle() throws Exception {
        EventAssembler a = new EventAssembler(clock, 2000, 100);
        add(a, rec("SYSCALL", 10));
        add(a, rec("SYSCALL", 11));
        add(a, rec("PATH", 10));
        add(a, rec("PROCTITLE", 11));
        add(a, rec("PROCTITLE", 10));
        assertThat(out).extracting(e -> e.key().serial()).containsExactly(11L, 10L);
        assertThat(out.get(1).records()).extracting(AuditRecord::type).containsExactly("SYSCALL", "PATH", "PROCTITLE");
        assertThat(out).allMatch(AuditEvent::complete);
    }

    @Test
    void firstRecordNeedNotBeSyscall() throws Exception {
        EventAssembler a = new EventAssembler(clock, 2000, 100);
        add(a, rec("CONFIG_CHANGE", 5));
        add(a, rec("SYSCALL", 5));
        add(a, rec("PROCTITLE", 5));
        assertThat(out).hasSize(1);
        assertThat(out.get(0).primary().type()).isEqualTo("SYSCALL");
    }

    @Test
    void userSpaceRecordsStandAlone() throws Exception {
        EventAssembler a = new EventAssembler(clock, 2000, 100);
        add(a, rec("USER_LOGIN", 7));
        assertThat(out).hasSize(1);
    }

    @Test
    void eventsWithoutClosingRecordCloseAfterTheArrivalTimeout() throws Exception {
        EventAssembler a = new EventAssembler(clock, 2000, 100);
        add(a, rec("SYSCALL", 1));
        clock.set(Instant.ofEpochMilli(1999));
        a.expire(out::add);
        assertThat(out).isEmpty();
        clock.set(Instant.ofEpochMilli(2000));
        a.expire(out::add);
        assertThat(out).hasSize(1);
        assertThat(out.get(0).complete()).isFalse();
        assertThat(a.timedOut()).isEqualTo(1);
    }

    @Test
    void inFlightCapClosesTheOldestAndCountsIt() throws Exception {
        EventAssembler a = new EventAssembler(clock, 2000, 2);
        add(a, rec("SYSCALL", 1));
        add(a, rec("SYSCALL", 2));
        add(a, rec("SYSCALL", 3));
        assertThat(out).extracting(e -> e.key().serial()).containsExactly(1L);
        assertThat(a.evicted()).isEqualTo(1);
        assertThat(a.inFlight()).isEqualTo(2);
    }

    @Test
    void eoeClosesAndIsDroppedAndALateEoeIsIgnored() throws Exception {
        EventAssembler a = new EventAssembler(clock, 2000, 100);
        add(a, rec("SYSCALL", 1));
        add(a, rec("EOE", 1));
        add(a, rec("SYSCALL", 2));
        add(a, rec("PROCTITLE", 2));
        add(a, rec("EOE", 2));
        assertThat(out).hasSize(2);
        assertThat(out.get(0).records()).extracting(AuditRecord::type).containsExactly("SYSCALL");
        assertThat(a.inFlight()).isZero();
    }

    @Test
    void serialGapsCountAsPossiblyLostButReorderingAndWrapDoNot() throws Exception {
        EventAssembler a = new EventAssembler(clock, 2000, 100);
        for (long s : new long[] {4294967294L, 4294967295L, 0, 2, 1, 3}) {
            add(a, rec("USER_LOGIN", s));
        }
        add(a, rec("DAEMON_ROTATE", 70000)); // auditd's own serial space: no jump
        add(a, rec("USER_LOGIN", 4));
        assertThat(a.possiblyLost()).isZero();
        add(a, rec("USER_LOGIN", 10)); // 5..9 skipped
        add(a, rec("USER_LOGIN", 10 + SerialGaps.WINDOW + 1)); // 11..1034 skipped as well
        // a serial counts once it is WINDOW behind the newest: 5..9 and 11 so far
        assertThat(a.possiblyLost()).isEqualTo(6);
    }
}
