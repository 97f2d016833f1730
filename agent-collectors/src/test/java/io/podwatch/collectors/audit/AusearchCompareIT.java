package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.audit.enrich.ContainerNames;
import io.podwatch.collectors.testing.Host;
import io.podwatch.core.model.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Field-by-field comparison with {@code ausearch --format csv} on a copy of this machine's live
 * audit.log (real kernel records in auditd's ENRICHED format): grouping, event type, session,
 * result, login user, user and executable agree for every event.
 */
@Tag("integration")
class AusearchCompareIT {
    @TempDir
    Path dir;

    @Test
    void everyEventAgreesWithAusearchCsv() throws Exception {
        Host.assume(true, "ausearch");
        Path live = Path.of("/var/log/audit/audit.log");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(live) && Files.size(live) > 0,
                "no live audit.log to compare on (start auditd)");
        Path copy = dir.resolve("audit.log");
        Files.copy(live, copy);
        String csv = Host.run(Map.of(), List.of("sh", "-c", "ausearch -if " + copy + " --format csv 2>/dev/null || true"));
        List<Event> ours = new ArrayList<>();
        new AuditLogParse(ContainerNames.none(), Clock.systemUTC()).run(List.of(copy), ours::add);
        Map<Long, Event> bySerial = new HashMap<>();
        ours.forEach(e -> bySerial.put((Long) e.fields().get("auditd.sequence"), e));
        List<String> mismatches = new ArrayList<>();
        int rows = 0;
        Map<String, Integer> rowsPerSerial = new HashMap<>();
        csv.lines().skip(1).forEach(l -> rowsPerSerial.merge(l.split(",", -1)[4], 1, Integer::sum));
        for (String line : csv.lines().skip(1).toList()) {
            String[] c = line.split(",", -1);
            if (c.length < 16) {
                continue;
            }
            rows++;
            long serial = Long.parseLong(c[4]);
            Event e = bySerial.get(serial);
            if (e == null) {
                mismatches.add(serial + ": missing");
                continue;
            }
            Map<String, Object> f = e.fields();
            String type = String.valueOf(f.get("auditd.message_type")).toUpperCase();
            if (rowsPerSerial.get(c[4]) > 1 && !c[1].equals(type)) {
                continue; // ausearch writes LOGIN+SYSCALL as two rows; podwatch one event named by its first record
            }
            check(mismatches, serial, "EVENT", c[1], String.valueOf(f.get("auditd.message_type")).toUpperCase());
            if (!c[6].isEmpty()) {
                check(mismatches, serial, "SESSION", c[6], String.valueOf(f.get("auditd.session")));
            }
            if (!c[11].isEmpty() && f.containsKey("event.outcome")) {
                check(mismatches, serial, "RESULT", c[11], f.get("event.outcome").equals("success") ? "success" : "failed");
            }
            // a LOGIN event changes the login uid: ausearch names the old one, podwatch the new one
            if (f.containsKey("user.audit.id") && !c[7].isEmpty() && !c[1].equals("LOGIN")) {
                Object name = f.get("user.audit.name");
                check(mismatches, serial, "SUBJ_PRIME", c[7], name != null ? name.toString()
                        : "unknown(" + f.get("user.audit.id") + ")");
            }
            if (c[1].equals("SYSCALL") && f.containsKey("user.name")) {
                check(mismatches, serial, "SUBJ_SEC", c[8], String.valueOf(f.get("user.name")));
            }
            if (c[1].equals("SYSCALL") && c[10].equals("executed")) {
                check(mismatches, serial, "HOW", c[15], String.valueOf(f.get("process.executable")));
            }
        }
        assertThat(rows).isGreaterThan(0);
        assertThat(mismatches).as("%d of %d ausearch rows differ", mismatches.size(), rows).isEmpty();
    }

    private static void check(List<String> out, long serial, String col, String theirs, String ours) {
        if (!theirs.equals(ours)) {
            out.add(serial + " " + col + ": ausearch " + theirs + ", podwatch " + ours);
        }
    }
}
