package io.podwatch.collectors.posture;

import static io.podwatch.core.model.Severity.HIGH;
import static io.podwatch.core.model.Severity.LOW;
import static io.podwatch.core.model.Severity.MEDIUM;
import static io.podwatch.core.posture.Scope.HOST;
import static io.podwatch.core.posture.Seed.ALPAQUITA;
import static io.podwatch.core.posture.Seed.ORACLE;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.util.List;

/** Descriptors of the host checks; {@link HostEvaluator} evaluates them. */
public final class HostChecks {
    static final Check AUDIT_DISABLED = new Check("PW-H-AUDIT-DISABLED", "Kernel audit disabled", HIGH, HOST,
            "auditctl -s: enabled 0", ALPAQUITA, "One of the most important security measures on Linux hosts is to "
            + "conduct proper audit of sensitive activities on the system.",
            "Enable it: auditctl -e 1 now, and remove audit=0 from the kernel command line.");
    static final Check AUDITD_NOT_RUNNING = new Check("PW-H-AUDITD-NOT-RUNNING", "auditd not running", HIGH, HOST,
            "/proc/*/comm: no process named auditd", ALPAQUITA, "It is recommended to use only Podman to set up "
            + "container host environments and to use audit for tracking access to sensitive information.",
            "Start and enable it: systemctl enable --now auditd (rc-service auditd start on OpenRC).");
    static final Check AUDIT_NO_ENGINE_RULES = new Check("PW-H-AUDIT-NO-ENGINE-RULES",
            "No audit rules for the container engine's files", MEDIUM, HOST,
            "auditctl -l: no rule naming /usr/bin/podman, conmon, crun/runc, /etc/containers, /var/lib/containers "
            + "or /run/podman", ALPAQUITA, "The audit allows system administrators to monitor security sensitive "
            + "events and report them in a log, such as audit.log.",
            "Add watches, e.g. -w /usr/bin/podman -p x -k podman and -w /etc/containers -p wa -k podman-conf in "
            + "/etc/audit/rules.d/podman.rules; augenrules --load.");
    static final Check CGROUP_NOT_V2 = new Check("PW-H-CGROUP-NOT-V2", "cgroup v2 not in use", MEDIUM, HOST,
            "/proc/self/mounts: what is mounted at /sys/fs/cgroup (cgroup2 = v2; v1 controllers plus "
            + "/sys/fs/cgroup/unified = hybrid)", ALPAQUITA, "To properly set up resource management, the system "
            + "must be configured to use Control Group v2 (cgroup v2).",
            "Boot with systemd.unified_cgroup_hierarchy=1 (rc_cgroup_mode=\"unified\" in /etc/rc.conf on OpenRC).");
    static final Check RUNTIME_NOT_CRUN = new Check("PW-H-RUNTIME-NOT-CRUN", "OCI runtime is not crun", LOW, HOST,
            "The engine's OCI runtime (podman info), else runtime in containers.conf", ALPAQUITA,
            "We recommend setting up Podman’s crun runtime as the default runtime to use.",
            "Install crun and set runtime = \"crun\" under [engine] in /etc/containers/containers.conf.");
    static final Check NO_LSM = new Check("PW-H-NO-LSM", "Neither SELinux enforcing nor AppArmor loaded", HIGH, HOST,
            "/sys/fs/selinux/enforce and /sys/module/apparmor/parameters/enabled", ORACLE,
            "For example, run SELinux in enforcing mode to protect the host from the container images you're running.",
            "Enable SELinux in enforcing mode (setenforce 1, SELINUX=enforcing) or load AppArmor (apparmor=1 "
            + "security=apparmor on the kernel command line).");
    static final Check ROOT_NOT_SHARED = new Check("PW-H-ROOT-NOT-SHARED", "/ is not a shared mount (rootless)", LOW,
            HOST, "pid 1's mountinfo for /: no shared: propagation tag; evaluated when rootless containers are in use",
            ALPAQUITA, "\"/\" is not a shared mount, this could cause issues or missing mounts with rootless containers.",
            "mount --make-rshared / (and make it permanent in the boot scripts).");
    static final Check SUBID_MISSING = new Check("PW-H-SUBID-MISSING", "Rootless users without /etc/subuid or /etc/subgid ranges",
            MEDIUM, HOST, "Users with container storage (~/.local/share/containers/storage, /run/user/UID/containers) "
            + "against /etc/subuid and /etc/subgid", ALPAQUITA,
            "Update those files for each user who is allowed to create containers.",
            "usermod --add-subuids 100000-165535 --add-subgids 100000-165535 USER; then podman system migrate.");
    static final Check API_SOCKET_EXPOSED = new Check("PW-H-API-SOCKET-EXPOSED", "Podman API socket world-accessible or on TCP",
            HIGH, HOST, "Mode of /run/podman/podman.sock and /run/user/*/podman/podman.sock; podman system service "
            + "processes with a tcp: address; ListenStream of podman.socket units", ALPAQUITA,
            "The socket configuration is similar to a Unix socket, restricting it to local use only.",
            "Keep the API on a Unix socket with mode 0660 (SocketMode=0660 in podman.socket); never tcp:.");
    static final Check PENDING_UPDATES = new Check("PW-H-PENDING-UPDATES", "Security updates pending", MEDIUM, HOST,
            "apt-get -s upgrade: packages whose new version comes from a security archive (as of the last apt-get "
            + "update); unknown on other package managers, where asking is not cheap", ORACLE,
            "Security patches and bug fixes for the kernel and operating system software are released as issues are "
            + "resolved. Keep the operating system current with the most recent software updates.",
            "Install them: apt-get upgrade (dnf upgrade --security on Oracle Linux; consider Ksplice).");
    static final Check ROOTFUL_ENGINE = new Check("PW-H-ROOTFUL-ENGINE", "Containers run by a rootful engine", LOW, HOST,
            "podman info: host.security.rootless of the engine podwatch watches", ORACLE,
            "Podman runs each container as the host user running the Podman container. The host user can be the "
            + "root user or a non-root user. For most security, run containers with a non-root host user.",
            "Run the workloads with rootless Podman under a dedicated user (loginctl enable-linger USER).");

    static final Check ENGINE_DEFAULT_CAPS = new Check("PW-H-ENGINE-DEFAULT-CAPS",
            "Engine grants capabilities beyond the default set", MEDIUM, HOST,
            "podman info: host.security.capabilities (containers.conf default_capabilities), against the seeds' "
            + "default set; Podman before 5.0 also grants AUDIT_WRITE and MKNOD", ORACLE,
            "By default, the following notable kernel capabilities are removed from a container:",
            "Set default_capabilities in /etc/containers/containers.conf to the 12 the seeds list (CHOWN, "
            + "DAC_OVERRIDE, FOWNER, FSETID, KILL, NET_BIND_SERVICE, NET_RAW, SETFCAP, SETGID, SETPCAP, SETUID, "
            + "SYS_CHROOT) or fewer.");

    private HostChecks() {
    }

    public static List<Check> all() {
        return List.of(AUDIT_DISABLED, AUDITD_NOT_RUNNING, AUDIT_NO_ENGINE_RULES, CGROUP_NOT_V2, RUNTIME_NOT_CRUN,
                NO_LSM, ROOT_NOT_SHARED, SUBID_MISSING, API_SOCKET_EXPOSED, PENDING_UPDATES, ROOTFUL_ENGINE,
                ENGINE_DEFAULT_CAPS);
    }

    static Outcome cgroup(String mode) {
        return switch (mode) {
            case "v2" -> Outcome.pass();
            case "hybrid" -> Outcome.fail("hybrid: v1 controllers with a cgroup2 mount at /sys/fs/cgroup/unified");
            case "v1" -> Outcome.fail("v1 only");
            default -> Outcome.unknown("cannot tell from /proc/self/mounts");
        };
    }
}
