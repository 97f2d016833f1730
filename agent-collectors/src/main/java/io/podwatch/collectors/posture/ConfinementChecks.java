package io.podwatch.collectors.posture;

import io.podwatch.core.inventory.ContainerInfo;
import static io.podwatch.core.model.Severity.HIGH;
import static io.podwatch.core.model.Severity.INFO;
import static io.podwatch.core.model.Severity.MEDIUM;
import static io.podwatch.core.posture.Scope.CONTAINER;
import static io.podwatch.core.posture.Seed.ALPAQUITA;
import static io.podwatch.core.posture.Seed.ORACLE;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Kernel confinement switched off for a container: seccomp, SELinux labelling, AppArmor. A
 * privileged container has all of them off; PW-C-PRIVILEGED reports that once.
 */
final class ConfinementChecks {
    static final Check SECCOMP_UNCONFINED = new Check("PW-C-SECCOMP-UNCONFINED", "Seccomp disabled", HIGH,
            CONTAINER, "HostConfig.SecurityOpt seccomp=unconfined", ORACLE,
            "By default, Podman containers limit the system calls available to containers using the system calls "
            + "specified in the /usr/share/containers/seccomp.json file. This list is compatible with most "
            + "containers and you don't need to add more system calls.",
            "Drop --security-opt seccomp=unconfined; if a syscall is missing, use a profile that adds only it.");
    static final Check SECCOMP_CUSTOM = new Check("PW-C-SECCOMP-CUSTOM", "Custom seccomp profile", INFO, CONTAINER,
            "HostConfig.SecurityOpt seccomp=<file>: fine when it narrows the default, a risk when it adds calls",
            ALPAQUITA, "This list is valid for general purpose containers and is compatible with most containers, "
            + "so there is no need to add more system calls.",
            "Review the profile against /usr/share/containers/seccomp.json; keep it only if it removes calls, "
            + "otherwise drop --security-opt seccomp=<file>.");
    static final Check SELINUX_DISABLED = new Check("PW-C-SELINUX-DISABLED", "SELinux separation disabled", MEDIUM,
            CONTAINER, "HostConfig.SecurityOpt label=disable", ORACLE,
            "For example, run SELinux in enforcing mode to protect the host from the container images you're running.",
            "Drop --security-opt label=disable; relabel volumes with :z (shared) or :Z (private) instead.");
    static final Check APPARMOR_UNCONFINED = new Check("PW-C-APPARMOR-UNCONFINED", "AppArmor unconfined", MEDIUM,
            CONTAINER, "HostConfig.SecurityOpt apparmor=unconfined, AppArmorProfile unconfined", ALPAQUITA,
            "Proper AppArmor configuration helps prevent malicious container escapes and protects host sensitive "
            + "resources.", "Drop --security-opt apparmor=unconfined (the containers-default profile applies).");

    private ConfinementChecks() {
    }

    static List<ContainerRule> rules() {
        return List.of(new ContainerRule(SECCOMP_UNCONFINED, ConfinementChecks::seccompUnconfined),
                new ContainerRule(SECCOMP_CUSTOM, ConfinementChecks::seccompCustom),
                new ContainerRule(SELINUX_DISABLED, (f, c) -> Outcome.failIf(!f.security().privileged()
                        && option(f, "label").filter(v -> v.equals("disable")).isPresent(), "--security-opt label=disable")),
                new ContainerRule(APPARMOR_UNCONFINED, (f, c) -> Outcome.failIf(!f.security().privileged()
                        && (option(f, "apparmor").filter(v -> v.equals("unconfined")).isPresent()
                        || f.security().appArmorProfile().equals("unconfined")), "apparmor unconfined")));
    }

    /** Value of {@code name=value} (or the legacy {@code name:value}) in SecurityOpt. */
    static Optional<String> option(ContainerInfo f, String name) {
        for (String o : f.security().securityOpt()) {
            String s = o.trim();
            if (s.startsWith(name + "=") || s.startsWith(name + ":")) {
                return Optional.of(s.substring(name.length() + 1).trim().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    static Outcome seccompUnconfined(ContainerInfo f, ContainerContext ctx) {
        return Outcome.failIf(!f.security().privileged() && option(f, "seccomp").filter(v -> v.equals("unconfined")).isPresent(),
                "--security-opt seccomp=unconfined");
    }

    static Outcome seccompCustom(ContainerInfo f, ContainerContext ctx) {
        Optional<String> v = option(f, "seccomp");
        boolean custom = !f.security().privileged() && v.isPresent() && !v.get().equals("unconfined") && !v.get().isEmpty()
                && !v.get().endsWith("/usr/share/containers/seccomp.json");
        return Outcome.failIf(custom, "--security-opt seccomp=" + v.orElse(""));
    }
}
