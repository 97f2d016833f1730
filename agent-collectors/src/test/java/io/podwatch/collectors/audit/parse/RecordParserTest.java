package io.podwatch.collectors.audit.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordParserTest {
    private final RecordParser parser = new RecordParser();

    private AuditRecord parse(String line) throws RecordParser.BadRecord {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(b, 0, b.length);
    }

    @Test
    void headerGivesTypeTimeAndSerial() throws Exception {
        AuditRecord r = parse("type=SYSCALL msg=audit(1700000000.007:4294967295): arch=c000003e syscall=59\n");
        assertThat(r.type()).isEqualTo("SYSCALL");
        assertThat(r.key()).isEqualTo(new EventKey(null, 1700000000L, 7, 4294967295L));
        assertThat(r.key().epochMillis()).isEqualTo(1700000000007L);
        assertThat(r.hexNumber("arch", 0)).isEqualTo(Syscalls.ARCH_X86_64);
        assertThat(r.number("syscall", 0)).isEqualTo(59);
    }

    @Test
    void quotedUnquotedHexAndNullValues() throws Exception {
        AuditRecord r = parse("type=SYSCALL msg=audit(1.000:1): comm=\"cat\" exe=2F746D702F6D7920657865 key=(null)"
                + " tty=(none) exit=-13 name=\"\"");
        assertThat(r.text("comm")).isEqualTo("cat");
        assertThat(r.text("exe")).isEqualTo("/tmp/my exe");
        assertThat(r.raw("exe")).isEqualTo("2F746D702F6D7920657865");
        assertThat(r.text("key")).isNull();
        assertThat(r.raw("tty")).isEqualTo("(none)");
        assertThat(r.number("exit", 0)).isEqualTo(-13);
        assertThat(r.text("name")).isEmpty();
        assertThat(r.text("absent")).isNull();
    }

    @Test
    void nonAsciiArgumentsAreHexAndDecodeAsUtf8() throws Exception {
        AuditRecord r = parse("type=EXECVE msg=audit(1.000:1): argc=2 a0=\"echo\" a1=C3A9C3A8E282AC");
        assertThat(r.text("a1")).isEqualTo("éè€");
    }

    @Test
    void nodePrefixIsPartOfTheIdentity() throws Exception {
        AuditRecord r = parse("node=host-a type=PROCTITLE msg=audit(5.100:9): proctitle=\"bash\"");
        assertThat(r.node()).isEqualTo("host-a");
        assertThat(r.key()).isEqualTo(new EventKey("host-a", 5, 100, 9));
        assertThat(r.key().format()).isEqualTo("host-a/5.100:9");
    }

    @Test
    void userSpaceMessageFieldsAreFlattened() throws Exception {
        AuditRecord r = parse("type=USER_AUTH msg=audit(1.000:2): pid=10 uid=0 auid=1000 ses=3 msg='op=PAM:authentication"
                + " grantors=pam_unix acct=\"alice\" exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=/dev/pts/0 res=success'");
        assertThat(r.raw("op")).isEqualTo("PAM:authentication");
        assertThat(r.text("acct")).isEqualTo("alice");
        assertThat(r.raw("res")).isEqualTo("success");
        assertThat(r.raw("terminal")).isEqualTo("/dev/pts/0");
    }

    @Test
    void enrichedTailIsKeptApartAndNeverOverridesNumericFields() throws Exception {
        AuditRecord r = parse("type=SYSCALL msg=audit(1.000:3): auid=1000 uid=0 comm=\"x\"\u001dAUID=\"root\" UID=\"root\" auid=0");
        assertThat(r.number("auid", -1)).isEqualTo(1000);
        assertThat(r.has("AUID")).isFalse();
        assertThat(r.enriched()).isEqualTo("AUID=\"root\" UID=\"root\" auid=0");
    }

    @Test
    void tokensWithoutEqualsAreSkipped() throws Exception {
        AuditRecord r = parse("type=AVC msg=audit(1.000:4): avc:  denied  { read } for  pid=7 comm=\"cat\" name=\"shadow\"");
        assertThat(r.number("pid", 0)).isEqualTo(7);
        assertThat(r.text("name")).isEqualTo("shadow");
    }

    @Test
    void splitLongArgumentFieldsAreIndexed() throws Exception {
        AuditRecord r = parse("type=EXECVE msg=audit(1.000:5):  a1[1]=414243");
        assertThat(r.fieldName(0)).isEqualTo("a1[1]");
        assertThat(r.text(0)).isEqualTo("ABC");
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() throws Exception {
        AuditRecord r = parse("type=CWD msg=audit(1.000:6): cwd=\"/tmp/x");
        assertThat(r.text("cwd")).isEqualTo("/tmp/x");
    }

    @Test
    void notAnAuditRecordSaysWhy() {
        assertThatThrownBy(() -> parse("hello world")).hasMessageContaining("no type=");
        assertThatThrownBy(() -> parse("type=SYSCALL foo")).hasMessageContaining("msg=audit");
        assertThatThrownBy(() -> parse("type=SYSCALL msg=audit(12:5): x=1")).hasMessageContaining("time");
        assertThatThrownBy(() -> parse("type=SYSCALL msg=audit(1.000:99999999999): x=1")).hasMessageContaining("serial");
    }
}
