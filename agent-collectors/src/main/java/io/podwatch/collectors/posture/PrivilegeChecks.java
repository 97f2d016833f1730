package io.podwatch.collectors.posture;

import io.podwatch.core.inventory.ContainerInfo;
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
import java.util.Set;

/** Container checks on who the container runs as and what it may do: user, privileged, capabilities. */
final class PrivilegeChecks {
    /** The default set both seeds list; anything added beyond it is reported by name. */
    static final Set<String> DEFAULT_CAPS = Set.of("CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "NET_RAW", "SETGID",
            "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL");

    static final Check ROOT_USER = new Check("PW-C-ROOT-USER", "Runs as root", HIGH, CONTAINER,
            "Config.User of the container: empty (the image default, root here), 0 or root, with or without a group",
            ORACLE, "Ensure that containerized applications run as a non-root user. Because the UIDs are shared "
            + "across the host, the root user in a container is the root user on the host.",
            "Run as an unprivileged user: --user 1000:1000 (or USER in the Containerfile); with a rootful engine "
            + "add --userns=auto so uid 0 inside is not root outside.");
    static final Check PRIVILEGED = new Check("PW-C-PRIVILEGED", "Privileged container", CRITICAL, CONTAINER,
            "HostConfig.Privileged (or the io.podman.annotations.privileged annotation)", ORACLE,
            "Don't use the --privileged option when starting containers because it disables the security features "
            + "that isolate the container from the host such as dropped Capabilities, limited devices, read-only "
            + "mount points, and volumes and so on.",
            "Drop --privileged; grant only the capability (--cap-add NAME) or device (--device PATH) it needs.");
    static final Check CAP_ADD = new Check("PW-C-CAP-ADD", "Capabilities added beyond the default set", HIGH,
            CONTAINER, "HostConfig.CapAdd, compared with the default set the seeds list (CHOWN, DAC_OVERRIDE, FSETID, "
            + "FOWNER, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL); not "
            + "reported for a privileged container, which PW-C-PRIVILEGED covers", ALPAQUITA,
            "The following kernel capabilities are usually granted to a container by default. Review the "
            + "capabilities and disable unnecessary ones.",
            "Remove the --cap-add flags; start from --cap-drop all and add back only what the process needs.");
    static final Check NO_NEW_PRIVILEGES = new Check("PW-C-NO-NEW-PRIVILEGES", "no-new-privileges not set", LOW,
            CONTAINER, "HostConfig.SecurityOpt for no-new-privileges (which stops setuid/setgid binaries from "
            + "raising privileges)", ORACLE,
            "Most applications don’t need any setuid or setgid binaries. If you can, disable, or remove such "
            + "binaries. By doing so, you remove the chance of them being used for privilege escalation attacks.",
            "Add --security-opt no-new-privileges.");

    private PrivilegeChecks() {
    }

    static List<ContainerRule> rules() {
        return List.of(new ContainerRule(ROOT_USER, PrivilegeChecks::rootUser),
                new ContainerRule(PRIVILEGED, (f, c) -> Outcome.failIf(f.security().privileged(), "--privileged")),
                new ContainerRule(CAP_ADD, PrivilegeChecks::capAdd),
                new ContainerRule(NO_NEW_PRIVILEGES, PrivilegeChecks::noNewPrivileges));
    }

    static Outcome rootUser(ContainerInfo f, ContainerContext ctx) {
        String user = f.security().user().trim();
        String uid = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
        if (!(uid.isEmpty() || uid.equals("0") || uid.equals("root"))) {
            return Outcome.pass();
        }
        String shown = user.isEmpty() ? "no user set (root)" : "user " + user;
        String where = ctx.rootless() == null ? "engine mode unknown"
                : ctx.rootless() ? "rootless engine: uid 0 is mapped to the engine user's uid on the host"
                : f.security().namespaces().user().isEmpty() || f.security().namespaces().user().equals("host")
                ? "rootful engine, no user namespace: uid 0 is root on the host"
                : "rootful engine, user namespace " + f.security().namespaces().user();
        return Outcome.fail(shown + "; " + where);
    }

    static Outcome capAdd(ContainerInfo f, ContainerContext ctx) {
        if (f.security().privileged()) {
            return Outcome.pass();
        }
        List<String> extra = f.security().capAdd().stream().filter(c -> !DEFAULT_CAPS.contains(c) && !c.equals("ALL")).toList();
        boolean all = f.security().capAdd().contains("ALL");
        if (all) {
            return Outcome.fail("capabilities added: ALL");
        }
        return Outcome.failIf(!extra.isEmpty(), "capabilities added: " + String.join(", ", extra));
    }

    static Outcome noNewPrivileges(ContainerInfo f, ContainerContext ctx) {
        for (String o : f.security().securityOpt()) {
            String s = o.replace(':', '=').trim();
            if (s.equals("no-new-privileges") || s.equals("no-new-privileges=true")) {
                return Outcome.pass();
            }
        }
        return Outcome.fail("--security-opt no-new-privileges is not set");
    }
}
