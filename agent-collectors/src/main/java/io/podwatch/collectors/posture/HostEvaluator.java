package io.podwatch.collectors.posture;

import io.podwatch.collectors.audit.Auditctl;
import io.podwatch.collectors.exec.CommandRunner;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the {@link HostChecks} against an injected file system root and command runner, so
 * the same code runs on fixtures in unit tests and on the real host. Slow parts (apt-get -s) are
 * bounded by timeouts; call it at start and hourly, not per container. Thread-safe (stateless).
 */
public final class HostEvaluator {
    private static final Duration SHORT = Duration.ofSeconds(10);
    private static final Duration APT = Duration.ofSeconds(60);
    private static final Pattern ENABLED = Pattern.compile("^enabled\\s+(\\d)", Pattern.MULTILINE);
    private static final List<String> ENGINE_PATHS = List.of("/usr/bin/podman", "conmon", "/crun", "/runc",
            "/etc/containers", "/var/lib/containers", "/run/podman", "/usr/share/containers");

    private final HostFiles host;
    private final HostProbes probes;
    private final CommandRunner commands;
    private final Auditctl auditctl;

    public HostEvaluator(HostFiles host, CommandRunner commands) {
        this.host = host;
        this.probes = new HostProbes(host);
        this.commands = commands;
        this.auditctl = Auditctl.onPath(commands);
    }

    public Map<Check, Outcome> evaluate(EngineInfo engine) throws InterruptedException {
        Map<Check, Outcome> out = new LinkedHashMap<>();
        CommandRunner.Result status = auditctl.status();
        Matcher m = ENABLED.matcher(status.stdout());
        out.put(HostChecks.AUDIT_DISABLED, !status.ok() || !m.find() ? Outcome.unknown("auditctl -s: " + brief(status))
                : Outcome.failIf(m.group(1).equals("0"), "auditctl -s: enabled 0"));
        out.put(HostChecks.AUDITD_NOT_RUNNING, Outcome.failIf(!probes.running("auditd"), "no auditd process"));
        out.put(HostChecks.AUDIT_NO_ENGINE_RULES, engineRules());
        out.put(HostChecks.CGROUP_NOT_V2, HostChecks.cgroup(probes.cgroupMode()));
        out.put(HostChecks.RUNTIME_NOT_CRUN, runtime(engine));
        out.put(HostChecks.NO_LSM, lsm());
        List<String[]> rootless = probes.rootlessUsers();
        out.put(HostChecks.ROOT_NOT_SHARED, rootShared(rootless, engine));
        out.put(HostChecks.SUBID_MISSING, subids(rootless));
        List<String> exposed = probes.exposedSockets(engine.socketPath());
        out.put(HostChecks.API_SOCKET_EXPOSED, Outcome.failIf(!exposed.isEmpty(), String.join("; ", exposed)));
        out.put(HostChecks.PENDING_UPDATES, pendingUpdates());
        out.put(HostChecks.ROOTFUL_ENGINE, engine.rootless() == null ? Outcome.unknown("podman info not available")
                : Outcome.failIf(!engine.rootless(), "the engine runs as root"));
        out.put(HostChecks.ENGINE_DEFAULT_CAPS, engineCaps(engine));
        return out;
    }

    private static Outcome engineCaps(EngineInfo engine) {
        if (engine.defaultCaps() == null) {
            return Outcome.unknown("podman info not available");
        }
        List<String> extra = engine.defaultCaps().stream().filter(c -> !PrivilegeChecks.DEFAULT_CAPS.contains(c)).toList();
        return Outcome.failIf(!extra.isEmpty(), "granted by default: " + String.join(", ", extra));
    }

    private Outcome engineRules() throws InterruptedException {
        CommandRunner.Result rules = auditctl.rules();
        if (!rules.ok()) {
            return Outcome.unknown("auditctl -l: " + brief(rules));
        }
        boolean any = rules.stdout().lines().anyMatch(l -> ENGINE_PATHS.stream().anyMatch(l::contains));
        String seen = rules.stdout().trim().equals("No rules") ? "no rules loaded" : "no rule names the engine's files";
        return Outcome.failIf(!any, seen);
    }

    private Outcome runtime(EngineInfo engine) {
        String name = engine.ociRuntime().isEmpty() ? probes.configuredRuntime() : engine.ociRuntime();
        if (name.isEmpty()) {
            return Outcome.unknown("no podman info and no runtime in containers.conf");
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        return Outcome.failIf(!base.equals("crun"), "runtime " + name);
    }

    private Outcome lsm() {
        String enforce = host.readProc("/sys/fs/selinux/enforce").orElse("").trim();
        String apparmor = host.readProc("/sys/module/apparmor/parameters/enabled").orElse("").trim();
        boolean selinux = enforce.equals("1");
        boolean aa = apparmor.toUpperCase(Locale.ROOT).startsWith("Y");
        String se = enforce.isEmpty() ? "SELinux not present" : "SELinux permissive";
        String ap = apparmor.isEmpty() ? "AppArmor not present" : "AppArmor disabled";
        return Outcome.failIf(!selinux && !aa, se + "; " + ap);
    }

    private Outcome rootShared(List<String[]> rootless, EngineInfo engine) {
        if (rootless.isEmpty() && !Boolean.TRUE.equals(engine.rootless())) {
            return Outcome.pass();
        }
        Optional<Boolean> shared = probes.rootIsShared();
        return shared.isEmpty() ? Outcome.unknown("mountinfo has no / entry")
                : Outcome.failIf(!shared.get(), "/ has private propagation; rootless users: " + names(rootless));
    }

    private Outcome subids(List<String[]> rootless) {
        List<String> missing = new ArrayList<>();
        for (String[] u : rootless) {
            List<String> files = new ArrayList<>();
            if (!probes.hasRange("/etc/subuid", u[0], u[1])) {
                files.add("/etc/subuid");
            }
            if (!probes.hasRange("/etc/subgid", u[0], u[1])) {
                files.add("/etc/subgid");
            }
            if (!files.isEmpty()) {
                missing.add(u[0] + " (" + String.join(", ", files) + ")");
            }
        }
        return Outcome.failIf(!missing.isEmpty(), "no range for: " + String.join(", ", missing));
    }

    private Outcome pendingUpdates() throws InterruptedException {
        if (!host.exists("/usr/bin/apt-get")) {
            return Outcome.unknown("no apt-get; other package managers cannot be asked cheaply");
        }
        CommandRunner.Result r = commands.run(List.of("apt-get", "-s", "-o", "Debug::NoLocking=1", "upgrade"), APT);
        if (!r.ok()) {
            return Outcome.unknown("apt-get -s upgrade: " + brief(r));
        }
        List<String> security = r.stdout().lines().filter(l -> l.startsWith("Inst "))
                .filter(l -> l.toLowerCase(Locale.ROOT).contains("security"))
                .map(l -> l.split(" ")[1]).toList();
        return Outcome.failIf(!security.isEmpty(), security.size() + " security updates pending: "
                + String.join(", ", security.subList(0, Math.min(10, security.size())))
                + (security.size() > 10 ? ", ..." : ""));
    }

    private static String names(List<String[]> users) {
        return users.isEmpty() ? "(the engine itself)" : String.join(", ", users.stream().map(u -> u[0]).toList());
    }

    private static String brief(CommandRunner.Result r) {
        String s = (r.stderr().isBlank() ? r.stdout() : r.stderr()).trim();
        s = s.length() > 200 ? s.substring(0, 200) : s;
        return "exit " + r.exitCode() + (s.isEmpty() ? "" : ", " + s);
    }
}
