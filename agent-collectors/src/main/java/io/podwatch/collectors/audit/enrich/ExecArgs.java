package io.podwatch.collectors.audit.enrich;

import io.podwatch.collectors.audit.parse.AuditEvent;
import io.podwatch.collectors.audit.parse.AuditRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds the argument vector from an event's EXECVE records: {@code aN="..."} or hex, and long
 * arguments split as {@code aN_len=L aN[0]=... aN[1]=...} over several records, each chunk encoded
 * on its own. EXECVE is the source for arguments; PROCTITLE is cut at 128 bytes and can be stale.
 */
final class ExecArgs {
    /** Most arguments kept; a process can pass far more, their count is still reported. */
    static final int MAX_ARGS = 4096;

    private ExecArgs() {
    }

    /** The decoded arguments, or null when the event has no EXECVE record (e.g. a failed exec). */
    static List<String> of(AuditEvent event) {
        List<ByteArrayOutputStream> args = null;
        long argc = -1;
        for (AuditRecord r : event.records()) {
            if (!r.type().equals("EXECVE")) {
                continue;
            }
            if (args == null) {
                args = new ArrayList<>();
            }
            for (int i = 0; i < r.fieldCount(); i++) {
                String name = r.fieldName(i);
                if (name.equals("argc")) {
                    argc = r.number("argc", -1);
                    continue;
                }
                int idx = argIndex(name);
                if (idx < 0 || idx >= MAX_ARGS || name.endsWith("_len")) {
                    continue;
                }
                while (args.size() <= idx) {
                    args.add(new ByteArrayOutputStream());
                }
                byte[] b = r.bytes(i);
                args.get(idx).write(b, 0, b.length);
            }
        }
        if (args == null) {
            return null;
        }
        List<String> out = new ArrayList<>(args.size());
        int n = argc >= 0 ? (int) Math.min(argc, args.size()) : args.size();
        for (int i = 0; i < n; i++) {
            out.add(args.get(i).toString(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** N for {@code aN}, {@code aN[i]}, {@code aN_len}; -1 otherwise. */
    static int argIndex(String name) {
        if (name.length() < 2 || name.charAt(0) != 'a') {
            return -1;
        }
        int v = 0;
        int i = 1;
        for (; i < name.length() && Character.isDigit(name.charAt(i)); i++) {
            v = v * 10 + (name.charAt(i) - '0');
            if (v > 1_000_000) {
                return -1;
            }
        }
        if (i == 1 || (i < name.length() && name.charAt(i) != '[' && name.charAt(i) != '_')) {
            return -1;
        }
        return v;
    }
}
