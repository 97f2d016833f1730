package io.podwatch.collectors.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes real-format audit records (SYSCALL + PROCTITLE per event) to a file, as auditd would. */
final class AuditLogWriter {
    private AuditLogWriter() {
    }

    static String event(long serial) {
        String ts = "1700000000.123:" + serial;
        return "type=SYSCALL msg=audit(" + ts + "): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c"
                + " a1=7ffd a2=0 a3=0 items=1 ppid=1 pid=4194000 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0"
                + " sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"cat\" exe=\"/usr/bin/cat\" key=\"t\"\n"
                + "type=PATH msg=audit(" + ts + "): item=0 name=\"/etc/shadow\" inode=1 dev=08:01 mode=0100640"
                + " ouid=0 ogid=42 rdev=00:00 nametype=NORMAL\n"
                + "type=PROCTITLE msg=audit(" + ts + "): proctitle=636174002F6574632F736861646F77\n";
    }

    static void append(Path log, long from, long to) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (long s = from; s < to; s++) {
            sb.append(event(s));
        }
        Files.writeString(log, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
