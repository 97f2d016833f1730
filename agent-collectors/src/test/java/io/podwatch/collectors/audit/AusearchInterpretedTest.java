package io.podwatch.collectors.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.core.model.Event;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our decoding of each sample against the {@code ausearch -i} output stored beside it: for every
 * SYSCALL record ausearch interpreted, the same syscall name, result, exe, comm, pid and session.
 */
class AusearchInterpretedTest {
    private static final Pattern SYSCALL = Pattern.compile("type=SYSCALL msg=audit\\([^)]*:(\\d+)\\) : (.*)");

    @ParameterizedTest
    @ValueSource(strings = {"audit-userspace_auparse-test3", "go-libaudit_out_of_order", "go-libaudit_rollover"})
    void syscallFieldsAgreeWithAusearchInterpreted(String sample) throws Exception {
        List<Event> ours = AuditSamplesTest.parse(sample + ".log", null);
        Map<Long, Map<String, Object>> bySerial = new HashMap<>();
        ours.forEach(e -> bySerial.put((Long) e.fields().get("auditd.sequence"), e.fields()));
        int compared = 0;
        for (String line : Files.readAllLines(AuditSamplesTest.DIR.resolve(sample + ".ausearch-i.txt"))) {
            Matcher m = SYSCALL.matcher(line);
            if (!m.find()) {
                continue;
            }
            Map<String, String> theirs = new HashMap<>();
            for (String kv : m.group(2).split(" ")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    theirs.putIfAbsent(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
            Map<String, Object> f = bySerial.get(Long.parseLong(m.group(1)));
            assertThat(f).as("serial %s", m.group(1)).isNotNull();
            assertThat(f.get("auditd.data.syscall")).isEqualTo(theirs.get("syscall"));
            assertThat(f.get("event.outcome")).isEqualTo(theirs.get("success").equals("yes") ? "success" : "failure");
            // ausearch -i prints values with spaces unquoted: compare up to the first space
            assertThat(String.valueOf(f.get("process.executable")).split(" ")[0]).isEqualTo(theirs.get("exe"));
            assertThat(f.get("process.name")).isEqualTo(theirs.get("comm"));
            assertThat(String.valueOf(f.get("process.pid"))).isEqualTo(theirs.get("pid"));
            assertThat(f.get("auditd.session")).isEqualTo(theirs.get("ses"));
            compared++;
        }
        assertThat(compared).isPositive();
    }
}
