package io.podwatch.collectors.volume.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.podwatch.collectors.exec.CommandRunner;
import io.podwatch.core.volume.VolumeView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against a hand-written auditctl that keeps a rule list; the real one is exercised by VolumeWatcherIT. */
class VolumeAuditRulesTest {
    final List<String> rules = new ArrayList<>(List.of("-w /etc/shadow -p r -k someone-else"));
    final List<String> calls = new ArrayList<>();
    String enabled = "1";
    final CommandRunner auditctl = (List<String> argv, Duration timeout) -> {
        calls.add(String.join(" ", argv));
        return switch (argv.get(1)) {
            case "-s" -> new CommandRunner.Result(0, "enabled " + enabled + "\nbacklog_limit 64\n", "");
            case "-l" -> new CommandRunner.Result(0, String.join("\n", rules) + "\n", "");
            case "-a" -> {
                rules.add("-w " + argv.get(4).substring(4) + " -p wa -k " + argv.get(8));
                yield new CommandRunner.Result(0, "", "");
            }
            case "-d" -> {
                rules.removeIf(r -> r.endsWith(argv.get(8)));
                yield new CommandRunner.Result(0, "", "");
            }
            default -> new CommandRunner.Result(1, "", "unexpected");
        };
    };

    static VolumeView view(String id, String src) {
        return new VolumeView(id, id, src, List.of());
    }

    @Test
    void addsMissingRulesReaddsOnesTheKernelDroppedAndRemovesOnlyItsOwn() throws Exception {
        VolumeAuditRules r = new VolumeAuditRules(auditctl, "auditctl");
        assertThat(r.reconcile(Map.of("aa11", view("aa11", "/v/a")))).isTrue();
        assertThat(rules).contains("-w /v/a -p wa -k podwatch-vol:aa11");
        assertThat(r.loaded()).isEqualTo(1);
        assertThat(r.backlogLimit()).isEqualTo(64);
        rules.removeIf(x -> x.contains("aa11")); // the directory went away: the kernel deleted the rule
        r.reconcile(Map.of("aa11", view("aa11", "/v/a")));
        assertThat(rules).contains("-w /v/a -p wa -k podwatch-vol:aa11");
        r.reconcile(Map.of());
        assertThat(rules).containsExactly("-w /etc/shadow -p r -k someone-else");
        r.reconcile(Map.of("bb22", view("bb22", "/v/b")));
        r.removeAll();
        assertThat(rules).containsExactly("-w /etc/shadow -p r -k someone-else");
        assertThat(calls).noneMatch(c -> c.contains("-D"));
    }

    @Test
    void lockedRulesAreReportedNotFought() throws Exception {
        enabled = "2";
        VolumeAuditRules r = new VolumeAuditRules(auditctl, "auditctl");
        r.reconcile(Map.of("aa11", view("aa11", "/v/a")));
        assertThat(r.locked()).isTrue();
        assertThat(calls).noneMatch(c -> c.contains(" -a "));
    }
}
