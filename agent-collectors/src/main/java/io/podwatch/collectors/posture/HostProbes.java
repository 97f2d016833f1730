package io.podwatch.collectors.posture;

import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads host facts from files below the injected root; pure apart from those reads. */
final class HostProbes {
    private static final Pattern RUNTIME = Pattern.compile("^\\s*runtime\\s*=\\s*\"([^\"]+)\"", Pattern.MULTILINE);
    private final HostFiles host;

    HostProbes(HostFiles host) {
        this.host = host;
    }

    /** "v2", "hybrid", "v1" or "" when /proc/mounts does not tell. */
    String cgroupMode() {
        Optional<String> mounts = host.readProc("/proc/self/mounts").or(() -> host.readProc("/proc/mounts"));
        if (mounts.isEmpty()) {
            return "";
        }
        boolean v2Root = false;
        boolean unified = false;
        boolean v1 = false;
        for (String line : mounts.get().split("\n")) {
            String[] f = line.split(" ");
            if (f.length < 3) {
                continue;
            }
            if (f[1].equals("/sys/fs/cgroup") && f[2].equals("cgroup2")) {
                v2Root = true;
            } else if (f[1].equals("/sys/fs/cgroup/unified") && f[2].equals("cgroup2")) {
                unified = true;
            } else if (f[1].startsWith("/sys/fs/cgroup/") && f[2].equals("cgroup")) {
                v1 = true;
            }
        }
        return v2Root ? "v2" : v1 && unified ? "hybrid" : v1 ? "v1" : "";
    }

    /** The default runtime from containers.conf (admin's file first), "" when not configured. */
    String configuredRuntime() {
        for (String f : List.of("/etc/containers/containers.conf", "/usr/share/containers/containers.conf")) {
            Optional<String> text = host.read(f);
            if (text.isPresent()) {
                Matcher m = RUNTIME.matcher(text.get());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return "";
    }

    /** Users (by name) other than root that have container storage or a libpod runtime directory. */
    List<String[]> rootlessUsers() {
        List<String[]> out = new ArrayList<>();
        for (String line : host.read("/etc/passwd").orElse("").split("\n")) {
            String[] f = line.split(":");
            if (f.length < 6) {
                continue;
            }
            int uid;
            try {
                uid = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (uid == 0 || uid == 65534) {
                continue;
            }
            if (host.isDirectory(f[5] + "/.local/share/containers/storage")
                    || host.isDirectory("/run/user/" + uid + "/containers") || host.isDirectory("/run/user/" + uid + "/libpod")) {
                out.add(new String[] {f[0], f[2]});
            }
        }
        return out;
    }

    /** Whether a /etc/subuid-style file has a range for the user, by name or uid. */
    boolean hasRange(String file, String name, String uid) {
        for (String line : host.read(file).orElse("").split("\n")) {
            if (line.startsWith(name + ":") || line.startsWith(uid + ":")) {
                return true;
            }
        }
        return false;
    }

    /** Whether "/" carries a shared: propagation tag in pid 1's mountinfo; empty when unreadable. */
    Optional<Boolean> rootIsShared() {
        Optional<String> info = host.readProc("/proc/1/mountinfo").or(() -> host.readProc("/proc/self/mountinfo"));
        for (String line : info.orElse("").split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 6 && f[4].equals("/")) {
                for (int i = 6; i < f.length && !f[i].equals("-"); i++) {
                    if (f[i].startsWith("shared:")) {
                        return Optional.of(true);
                    }
                }
                return Optional.of(false);
            }
        }
        return Optional.empty();
    }

    /** API sockets that anyone may connect to, and TCP listeners, as evidence strings. */
    List<String> exposedSockets(String engineSocket) {
        Set<String> candidates = new TreeSet<>(List.of("/run/podman/podman.sock"));
        if (!engineSocket.isEmpty()) {
            candidates.add(engineSocket.replaceFirst("^unix://", ""));
        }
        for (String uid : host.list("/run/user")) {
            candidates.add("/run/user/" + uid + "/podman/podman.sock");
        }
        List<String> out = new ArrayList<>();
        for (String s : candidates) {
            Optional<Set<PosixFilePermission>> perms = host.permissions(s);
            if (perms.isPresent() && perms.get().contains(PosixFilePermission.OTHERS_WRITE)) {
                out.add(s + " is world-writable");
            }
        }
        for (long pid : host.pids()) {
            List<String> argv = List.of(host.readProc("/proc/" + pid + "/cmdline").orElse("").split("\0"));
            if (argv.contains("system") && argv.contains("service")) {
                argv.stream().filter(a -> a.startsWith("tcp:")).forEach(a -> out.add("podman system service on " + a));
            }
        }
        for (String unit : socketUnits()) {
            for (String line : host.read(unit).orElse("").split("\n")) {
                String t = line.trim();
                if (t.startsWith("ListenStream=")) {
                    String v = t.substring("ListenStream=".length()).trim();
                    if (!v.isEmpty() && !v.startsWith("/") && !v.startsWith("@") && !v.startsWith("%")) {
                        out.add(unit + ": ListenStream=" + v);
                    }
                }
            }
        }
        return out;
    }

    private List<String> socketUnits() {
        List<String> out = new ArrayList<>();
        for (String dir : List.of("/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system")) {
            if (host.exists(dir + "/podman.socket")) {
                out.add(dir + "/podman.socket");
            }
            host.list(dir + "/podman.socket.d").stream().filter(n -> n.endsWith(".conf"))
                    .forEach(n -> out.add(dir + "/podman.socket.d/" + n));
        }
        return out;
    }

    /** Whether a process named {@code comm} runs. */
    boolean running(String comm) {
        for (long pid : host.pids()) {
            if (host.readProc("/proc/" + pid + "/comm").map(String::trim).filter(comm::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }
}
