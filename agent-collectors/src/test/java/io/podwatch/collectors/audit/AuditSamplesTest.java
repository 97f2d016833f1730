package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.core.model.Event;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public sample logs (fixtures/audit/samples, see SOURCES.md there) grouped as upstream expects. */
class AuditSamplesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/audit/samples");

    static List<Event> parse(String file, AuditLogParse.Result[] result) throws Exception {
        List<Event> out = new ArrayList<>();
        AuditLogParse.Result r = new AuditLogParse(ContainerNames.none(), Clock.systemUTC())
                .run(List.of(DIR.resolve(file)), out::add);
        if (result != null) {
            result[0] = r;
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<String> records(Event e) {
        return (List<String>) e.fields().get("auditd.records");
    }

    @Test
    void outOfOrderRecordsGroupByEventAsGoLibauditExpects() throws Exception {
        AuditLogParse.Result[] r = new AuditLogParse.Result[1];
        List<Event> events = parse("go-libaudit_out_of_order.log", r);
        assertThat(events).extracting(e -> e.fields().get("auditd.sequence")).containsExactlyInAnyOrder(58L, 59L,
                60L, 61L, 62L);
        Map<Long, Integer> sizes = new java.util.HashMap<>();
        events.forEach(e -> sizes.put((Long) e.fields().get("auditd.sequence"), records(e).size()));
        assertThat(sizes).containsExactlyInAnyOrderEntriesOf(Map.of(58L, 2, 59L, 5, 60L, 5, 61L, 4, 62L, 1));
        assertThat(r[0].possiblyLost()).isZero();
        assertThat(r[0].parseErrors()).isZero();
        Event grep = events.stream().filter(e -> e.fields().get("auditd.sequence").equals(59L)).findFirst().orElseThrow();
        assertThat(grep.fields()).containsEntry("process.args", List.of("grep", "--color=auto", "mapping"))
                .containsEntry("auditd.data.syscall", "execve").containsEntry("user.audit.id", 1000L)
                .containsEntry("auditd.key", List.of("user_commands")).containsEntry("event.outcome", "success")
                .containsEntry("process.working_directory", "/home/andrew_kroh")
                .containsEntry("file.path", List.of("/usr/bin/grep", "/lib64/ld-linux-x86-64.so.2"));
        Event first = events.stream().filter(e -> e.fields().get("auditd.sequence").equals(58L)).findFirst().orElseThrow();
        assertThat(first.fields()).containsEntry("process.executable", "/usr/bin/python2.7;58d1ccfb (deleted)")
                .containsEntry("auditd.data.syscall", "connect").containsEntry("event.outcome", "failure")
                .containsEntry("auditd.data.exit", -115L).doesNotContainKey("user.audit.id")
                .containsEntry("auditd.session", "unset");
    }

    @Test
    void serialWrapIsNotALoss() throws Exception {
        AuditLogParse.Result[] r = new AuditLogParse.Result[1];
        List<Event> events = parse("go-libaudit_rollover.log", r);
        assertThat(events).hasSize(5);
        assertThat(r[0].possiblyLost()).isZero();
    }

    @Test
    void longExecveArgumentIsRejoinedFromItsHexChunks() throws Exception {
        List<Event> events = parse("laurel_record-execve-long.txt", null);
        assertThat(events).hasSize(1);
        Event e = events.get(0);
        assertThat(records(e)).hasSize(8).doesNotContain("EOE");
        @SuppressWarnings("unchecked")
        List<String> args = (List<String>) e.fields().get("process.args");
        assertThat(args).hasSize(2);
        assertThat(args.get(0)).isEqualTo("/bin/echo");
        // a1_len counts the hex digits: 16384 of them are 8192 bytes
        assertThat(args.get(1).length()).isEqualTo(8192);
        assertThat(args.get(1)).startsWith("baaa");
        // the enriched AUID="user" is advisory: ids come from the numeric fields only
        assertThat(e.fields()).containsEntry("user.audit.id", 1000L).containsEntry("process.executable", "/usr/bin/echo");
    }

    @Test
    void nodePrefixedInterleavedLogMakesEightEvents() throws Exception {
        List<Event> events = parse("audit-userspace_auparse-test3.log", null);
        assertThat(events).hasSize(8);
        assertThat(events).allSatisfy(e -> assertThat(e.fields()).containsEntry("auditd.node", "auditdtest.a1959.org"));
        Event sshd = events.stream().filter(e -> e.fields().get("auditd.sequence").equals(194435L)).findFirst().orElseThrow();
        assertThat(sshd.fields()).containsEntry("process.title", "sshd: burn [priv]")
                .containsEntry("auditd.data.syscall", "select").containsEntry("process.name", "sshd");
    }
}
