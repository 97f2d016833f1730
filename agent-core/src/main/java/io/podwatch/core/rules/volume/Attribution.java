package io.podwatch.core.rules.volume;

import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import java.time.Instant;
import java.util.Map;

/** Who changed a file, as an audit record of podwatch's volume rules said: login user, process, container. */
record Attribution(Instant time, Object auid, Object auditUser, Object pid, Object executable, Object syscall,
                   ContainerRef container) {
    static Attribution of(Event e) {
        Map<String, Object> f = e.fields();
        return new Attribution(e.time(), f.get("user.audit.id"), f.get("user.audit.name"), f.get("process.pid"),
                f.get("process.executable"), f.get("auditd.data.syscall"), e.container());
    }

    Attribution withContainer(ContainerRef c) {
        return new Attribution(time, auid, auditUser, pid, executable, syscall, c);
    }

    /** The login user for an alert label: the name when known, else the id, else "unset". */
    String user() {
        return auditUser != null ? auditUser.toString() : auid != null ? auid.toString() : "unset";
    }

    void annotate(Map<String, String> a) {
        a.put("user", user());
        if (auid != null) {
            a.put("auid", auid.toString());
        }
        if (pid != null) {
            a.put("pid", pid.toString());
        }
        if (executable != null) {
            a.put("executable", executable.toString());
        }
        if (syscall != null) {
            a.put("syscall", syscall.toString());
        }
        if (container != null) {
            a.put("container", container.display());
        }
    }
}
