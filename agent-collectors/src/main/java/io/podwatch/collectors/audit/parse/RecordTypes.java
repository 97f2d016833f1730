package io.podwatch.collectors.audit.parse;

import java.util.Set;

/**
 * Which record types belong to a kernel event that spans several records (a syscall and what it
 * touched), and which stand alone (user-space messages such as USER_LOGIN, one record per event).
 * auditd never writes the EOE record that ends a multi-record event to audit.log, so the assembler
 * needs this to know whether to wait for more records.
 */
final class RecordTypes {
    /** Kernel records that share a serial with a SYSCALL (or are one). */
    private static final Set<String> MULTI = Set.of("SYSCALL", "PATH", "CWD", "EXECVE", "PROCTITLE",
            "SOCKADDR", "SOCKETCALL", "IPC", "IPC_SET_PERM", "MQ_OPEN", "MQ_SENDRECV", "MQ_NOTIFY",
            "MQ_GETSETATTR", "FD_PAIR", "OBJ_PID", "BPRM_FCAPS", "CAPSET", "MMAP", "KERN_MODULE",
            "TIME_INJOFFSET", "TIME_ADJNTPVAL", "NETFILTER_CFG", "AVC", "AVC_PATH", "SELINUX_ERR",
            "CONFIG_CHANGE", "LOGIN", "ANOM_LINK", "ANOM_ABEND", "ANOM_PROMISCUOUS", "OPENAT2", "URINGOP",
            "BPF", "FANOTIFY", "INTEGRITY_RULE", "INTEGRITY_DATA", "INTEGRITY_METADATA", "MAC_STATUS",
            "SECCOMP", "DM_CTRL", "DM_EVENT", "EOE");

    /** Records that only add detail to the event's main record. */
    private static final Set<String> AUXILIARY = Set.of("PATH", "CWD", "EXECVE", "PROCTITLE", "SOCKADDR",
            "SOCKETCALL", "IPC", "FD_PAIR", "OBJ_PID", "BPRM_FCAPS", "MMAP", "EOE", "AVC_PATH");

    private RecordTypes() {
    }

    /** True when more records of the same event may follow. UNKNOWN[13xx/14xx] count as kernel. */
    static boolean mayHaveMore(String type) {
        if (type.startsWith("UNKNOWN[")) {
            return type.startsWith("UNKNOWN[13") || type.startsWith("UNKNOWN[14");
        }
        return MULTI.contains(type);
    }

    static boolean isAuxiliary(String type) {
        return AUXILIARY.contains(type);
    }

    /** Records after which the kernel writes nothing more for the event. */
    static boolean closes(String type) {
        return type.equals("PROCTITLE") || type.equals("EOE");
    }
}
