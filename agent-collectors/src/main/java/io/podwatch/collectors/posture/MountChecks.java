package io.podwatch.collectors.posture;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.Mount;
import static io.podwatch.core.model.Severity.CRITICAL;
import static io.podwatch.core.model.Severity.HIGH;
import static io.podwatch.core.model.Severity.LOW;
import static io.podwatch.core.model.Severity.MEDIUM;
import static io.podwatch.core.posture.Scope.CONTAINER;
import static io.podwatch.core.posture.Seed.ALPAQUITA;
import static io.podwatch.core.posture.Seed.ORACLE;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.util.List;
import java.util.stream.Collectors;

/** What of the host a container can see or write: bind mounts, the engine socket, devices, its own rootfs. */
final class MountChecks {
    /** The seeds' list; a path below one of these counts too (/etc/shadow is as bad as /etc). */
    static final List<String> SENSITIVE = List.of("/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/sys", "/usr");
    /** Directories that hold an engine API socket; mounting them mounts the socket. */
    static final List<String> SOCKET_DIRS = List.of("/run", "/var/run", "/run/podman", "/var/run/podman");
    private static final String SENSITIVE_QUOTE = "We strongly discourage you from mounting the following sensitive "
            + "host system directories at container runtime. /, /boot, /dev, /etc, /lib, /usr, /sys, /proc, and so on.";

    static final Check SENSITIVE_RW = new Check("PW-C-SENSITIVE-MOUNT-RW", "Sensitive host path mounted read-write",
            CRITICAL, CONTAINER, "Mounts[] of type bind whose Source is /, or is or is below /boot, /dev, /etc, /lib, "
            + "/lib64, /proc, /sys, /usr, with RW true", ALPAQUITA, SENSITIVE_QUOTE,
            "Do not mount it; mount only the specific file or directory the application needs, with :ro "
            + "(-v /etc/myapp:/etc/myapp:ro).");
    static final Check SENSITIVE_RO = new Check("PW-C-SENSITIVE-MOUNT", "Sensitive host path mounted read-only",
            MEDIUM, CONTAINER, "The same paths as PW-C-SENSITIVE-MOUNT-RW, mounted with RW false", ALPAQUITA,
            SENSITIVE_QUOTE, "Mount only the specific file the application needs (-v /etc/myapp/app.conf:/app.conf:ro).");
    static final Check ENGINE_SOCKET = new Check("PW-C-ENGINE-SOCKET", "Container engine API socket mounted",
            CRITICAL, CONTAINER, "Mounts[] whose Source is a podman.sock or docker.sock, or /run, /var/run, "
            + "/run/podman that hold it: whoever reaches the socket controls the engine", ALPAQUITA,
            "The socket configuration is similar to a Unix socket, restricting it to local use only. Security "
            + "consideration is to run this socket as a non-root user especially if a container has no requirement "
            + "to run as a privileged user.",
            "Do not mount the engine socket; if a tool needs the API, give it a rootless user's socket, never root's.");
    static final Check HOST_DEVICE = new Check("PW-C-HOST-DEVICE", "Host devices exposed", HIGH, CONTAINER,
            "HostConfig.Devices[].PathOnHost; not reported for a privileged container (PW-C-PRIVILEGED)", ORACLE,
            "Don't expose host devices into containers when you start or run them.", "Remove the --device flags.");
    static final Check WRITABLE_ROOTFS = new Check("PW-C-WRITABLE-ROOTFS", "Root filesystem writable", LOW,
            CONTAINER, "HostConfig.ReadonlyRootfs", ORACLE,
            "When creating and running containers, limit container file access using the --read-only flag or the "
            + "-v <host dir>:<container dir>:ro option.",
            "Add --read-only (with --tmpfs /tmp or a volume for the paths the application writes).");
    static final Check RW_VOLUME = new Check("PW-C-RW-VOLUME", "Volume mounted read-write", LOW, CONTAINER,
            "Mounts[] (bind mounts and named volumes, other than the sensitive paths and sockets above) with RW true: "
            + "review whether each could be :ro", ALPAQUITA,
            "When creating and launching containers, limit file access using the -v <host dir>:<container dir>:ro "
            + "option or --readonly flag.",
            "Append :ro to each -v the application only reads (-v /srv/data:/data:ro); keep rw only where it writes.");

    private MountChecks() {
    }

    static List<ContainerRule> rules() {
        return List.of(new ContainerRule(SENSITIVE_RW, (f, c) -> sensitive(f, true)),
                new ContainerRule(SENSITIVE_RO, (f, c) -> sensitive(f, false)),
                new ContainerRule(ENGINE_SOCKET, MountChecks::engineSocket),
                new ContainerRule(HOST_DEVICE, (f, c) -> Outcome.failIf(!f.security().privileged() && !f.security().devices().isEmpty(),
                        "devices: " + String.join(", ", f.security().devices()))),
                new ContainerRule(WRITABLE_ROOTFS, (f, c) -> Outcome.failIf(!f.security().readOnlyRootfs(), "--read-only is not set")),
                new ContainerRule(RW_VOLUME, MountChecks::rwVolume));
    }

    static boolean isSensitive(String source) {
        String s = normalise(source);
        return s.equals("/") || SENSITIVE.stream().anyMatch(d -> s.equals(d) || s.startsWith(d + "/"));
    }

    static boolean isSocket(String source) {
        String s = normalise(source);
        return s.endsWith("/podman.sock") || s.endsWith("/docker.sock") || SOCKET_DIRS.contains(s)
                || s.matches("/run/user/\\d+(/podman)?");
    }

    private static String normalise(String path) {
        String s = path.replaceAll("/+", "/");
        return s.length() > 1 && s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static Outcome sensitive(ContainerInfo f, boolean rw) {
        String hits = f.mounts().stream().filter(m -> m.type().equals("bind") && m.rw() == rw)
                .filter(m -> isSensitive(m.sourceText()) && !isSocket(m.sourceText()))
                .map(m -> m.sourceText() + ":" + m.destination() + (rw ? ":rw" : ":ro")).collect(Collectors.joining(", "));
        return Outcome.failIf(!hits.isEmpty(), "mounts: " + hits);
    }

    static Outcome engineSocket(ContainerInfo f, ContainerContext ctx) {
        String hits = f.mounts().stream().filter(m -> isSocket(m.sourceText()))
                .map(m -> m.sourceText() + ":" + m.destination()).collect(Collectors.joining(", "));
        return Outcome.failIf(!hits.isEmpty(), "mounts: " + hits);
    }

    static Outcome rwVolume(ContainerInfo f, ContainerContext ctx) {
        String hits = f.mounts().stream().filter(Mount::rw)
                .filter(m -> !isSensitive(m.sourceText()) && !isSocket(m.sourceText()))
                .map(m -> (m.sourceText().isEmpty() ? "(volume)" : m.sourceText()) + ":" + m.destination())
                .collect(Collectors.joining(", "));
        return Outcome.failIf(!hits.isEmpty(), "read-write: " + hits);
    }
}
