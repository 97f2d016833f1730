package io.podwatch.collectors.audit.enrich;

import io.podwatch.collectors.audit.parse.AuditEvent;
import io.podwatch.collectors.audit.parse.AuditRecord;
import io.podwatch.collectors.audit.parse.Syscalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an assembled event into ECS fields with auditbeat's names ({@code auditd.*},
 * {@code process.*}, {@code user.*}, {@code file.path}). Only numeric ids go in here: names and
 * the container are added by {@link Attribution}. Pure; thread-safe.
 */
public final class EventDecoder {
    /** The audit "unset" id (−1 as u32) for auid and ses. */
    public static final long UNSET = 4294967295L;

    private final Syscalls syscalls;

    public EventDecoder(Syscalls syscalls) {
        this.syscalls = syscalls;
    }

    public Map<String, Object> decode(AuditEvent event) {
        Map<String, Object> f = new LinkedHashMap<>(64);
        AuditRecord p = event.primary();
        f.put("auditd.sequence", event.key().serial());
        if (event.key().node() != null) {
            f.put("auditd.node", event.key().node());
        }
        f.put("auditd.message_type", kind(event).toLowerCase(Locale.ROOT));
        List<String> types = new ArrayList<>(event.records().size());
        event.records().forEach(r -> types.add(r.type()));
        f.put("auditd.records", types);
        long ses = p.number("ses", UNSET);
        if (p.has("ses")) {
            f.put("auditd.session", ses == UNSET ? "unset" : Long.toString(ses));
        }
        List<String> keys = keys(p);
        if (!keys.isEmpty()) {
            f.put("auditd.key", keys);
        }
        String syscall = null;
        if (p.has("syscall")) {
            long arch = p.hexNumber("arch", -1);
            syscall = syscalls.name(arch, p.number("syscall", -1));
            f.put("auditd.data.arch", Syscalls.archName(arch));
            f.put("auditd.data.syscall", syscall);
        }
        if (p.has("exit")) {
            f.put("auditd.data.exit", p.number("exit", 0));
        }
        if (p.has("tty")) {
            f.put("auditd.data.tty", p.raw("tty"));
        }
        outcome(p, f);
        ids(p, f);
        process(event, p, f);
        FileFacts.add(event, syscall, p, f);
        return f;
    }

    /** What the event is, as ausearch names it: its first record that is not auxiliary (LOGIN before SYSCALL). */
    private static String kind(AuditEvent event) {
        for (AuditRecord r : event.records()) {
            if (!r.type().equals("PROCTITLE") && !r.type().equals("CWD") && !r.type().equals("PATH")
                    && !r.type().equals("EXECVE") && !r.type().equals("BPRM_FCAPS")) {
                return r.type();
            }
        }
        return event.primary().type();
    }

    private static List<String> keys(AuditRecord p) {
        String k = p.text("key");
        if (k == null || k.isEmpty()) {
            return List.of();
        }
        // several keys of one rule are written joined by 0x01 (and then hex-encoded)
        return List.of(k.split("\u0001"));
    }

    private static void outcome(AuditRecord p, Map<String, Object> f) {
        String s = p.raw("success");
        if (s == null) {
            s = p.raw("res");
        }
        if (s == null) {
            return;
        }
        boolean ok = s.equals("yes") || s.equals("success") || s.equals("1");
        f.put("event.outcome", ok ? "success" : "failure");
    }

    private static void ids(AuditRecord p, Map<String, Object> f) {
        long auid = p.number("auid", -1);
        if (auid >= 0 && auid != UNSET) {
            f.put("user.audit.id", auid);
        }
        putNumber(p, "uid", "user.id", f);
        putNumber(p, "euid", "user.effective.id", f);
        putNumber(p, "gid", "group.id", f);
        putNumber(p, "egid", "group.effective.id", f);
    }

    private static void putNumber(AuditRecord p, String field, String ecs, Map<String, Object> f) {
        long v = p.number(field, -1);
        if (v >= 0 && v != UNSET) {
            f.put(ecs, v);
        }
    }

    private static void process(AuditEvent event, AuditRecord p, Map<String, Object> f) {
        putNumber(p, "pid", "process.pid", f);
        putNumber(p, "ppid", "process.parent.pid", f);
        String exe = p.text("exe");
        if (exe != null) {
            f.put("process.executable", exe);
        }
        String comm = p.text("comm");
        if (comm != null) {
            f.put("process.name", comm);
        }
        List<String> args = ExecArgs.of(event);
        if (args != null) {
            f.put("process.args", args);
            f.put("process.args_count", args.size());
        }
        AuditRecord title = event.first("PROCTITLE");
        if (title != null && title.has("proctitle")) {
            byte[] b = title.bytes(title.indexOf("proctitle"));
            for (int i = 0; i < b.length; i++) {
                b[i] = b[i] == 0 ? (byte) ' ' : b[i]; // argv is NUL-separated
            }
            f.put("process.title", new String(b, java.nio.charset.StandardCharsets.UTF_8).strip());
        }
        AuditRecord cwd = event.first("CWD");
        if (cwd != null && cwd.has("cwd")) {
            f.put("process.working_directory", cwd.text("cwd"));
        }
    }
}
