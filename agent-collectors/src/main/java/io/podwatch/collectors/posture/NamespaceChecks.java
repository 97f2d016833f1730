package io.podwatch.collectors.posture;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.Security;
import static io.podwatch.core.model.Severity.HIGH;
import static io.podwatch.core.model.Severity.LOW;
import static io.podwatch.core.model.Severity.MEDIUM;
import static io.podwatch.core.posture.Scope.CONTAINER;
import static io.podwatch.core.posture.Seed.ALPAQUITA;
import static io.podwatch.core.posture.Seed.ORACLE;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Host namespaces shared with a container. Inspect's mode is trusted when it says {@code host};
 * otherwise a running container's namespace link is compared with pid 1's, and a container that
 * is not running falls back to the option on its create command (Podman 4.3 reports
 * {@code --ipc host} as {@code shareable}).
 */
final class NamespaceChecks {
    private static final String NS_QUOTE = "Don't share host namespaces such as the PID or IPC namespaces when "
            + "starting or running containers.";

    static final Check HOST_NETWORK = new Check("PW-C-HOST-NETWORK", "Shares the host network namespace", HIGH,
            CONTAINER, "HostConfig.NetworkMode, /proc/<pid>/ns/net", ORACLE,
            "Don't use the --net=host mode option for containers when they're started or run. This option gives the "
            + "container full access to local system services and is insecure.",
            "Drop --network host; use the default bridge network and publish only the ports needed "
            + "(-p 127.0.0.1:8080:80).");
    static final Check HOST_PID = new Check("PW-C-HOST-PID", "Shares the host PID namespace", HIGH, CONTAINER,
            "HostConfig.PidMode, /proc/<pid>/ns/pid", ORACLE, NS_QUOTE, "Drop --pid host.");
    static final Check HOST_IPC = new Check("PW-C-HOST-IPC", "Shares the host IPC namespace", MEDIUM, CONTAINER,
            "HostConfig.IpcMode, /proc/<pid>/ns/ipc, the create command's --ipc", ORACLE, NS_QUOTE,
            "Drop --ipc host (the default, private or shareable, is fine).");
    static final Check HOST_UTS = new Check("PW-C-HOST-UTS", "Shares the host UTS namespace", LOW, CONTAINER,
            "HostConfig.UTSMode, /proc/<pid>/ns/uts; not reported with PW-C-HOST-NETWORK, which implies it",
            ORACLE, NS_QUOTE, "Drop --uts host.");
    static final Check HOST_USERNS = new Check("PW-C-HOST-USERNS", "Explicitly shares the host user namespace",
            MEDIUM, CONTAINER, "HostConfig.UsernsMode and the create command's --userns set to host (a rootful "
            + "engine's default is reported by PW-C-ROOT-USER and PW-H-ROOTFUL-ENGINE)", ALPAQUITA,
            "Podman takes advantage of user namespaces, so that root within the container is mapped to a non-root "
            + "UID on the host.",
            "Drop --userns host; use --userns=auto or --uidmap 0:100000:5000.");

    private NamespaceChecks() {
    }

    static List<ContainerRule> rules() {
        return List.of(
                new ContainerRule(HOST_NETWORK, (f, c) -> shared(f, c, "net", Security.Namespaces::network, "--network")),
                new ContainerRule(HOST_PID, (f, c) -> shared(f, c, "pid", Security.Namespaces::pid, "--pid")),
                new ContainerRule(HOST_IPC, (f, c) -> shared(f, c, "ipc", Security.Namespaces::ipc, "--ipc")),
                new ContainerRule(HOST_UTS, NamespaceChecks::uts),
                new ContainerRule(HOST_USERNS, NamespaceChecks::userns));
    }

    static Outcome shared(ContainerInfo f, ContainerContext ctx, String ns, Function<Security.Namespaces, String> mode,
                          String option) {
        if (mode.apply(f.security().namespaces()).equals("host")) {
            return Outcome.fail(option + " host");
        }
        if (f.alive() && ctx.processes() != null) {
            Optional<Boolean> same = ctx.processes().sharesHostNamespace(f.pid(), ns);
            if (same.isPresent()) {
                return Outcome.failIf(same.get(), ns + " namespace is the host's (same /proc/<pid>/ns/" + ns + " as pid 1)");
            }
        }
        boolean asked = CreateCommand.optionValues(f.security().createCommand(), option).contains("host")
                || (option.equals("--network") && CreateCommand.optionValues(f.security().createCommand(), "--net").contains("host"));
        return Outcome.failIf(asked, option + " host (from the create command)");
    }

    static Outcome uts(ContainerInfo f, ContainerContext ctx) {
        if (!shared(f, ctx, "net", Security.Namespaces::network, "--network").passed()) {
            return Outcome.pass();
        }
        return shared(f, ctx, "uts", Security.Namespaces::uts, "--uts");
    }

    static Outcome userns(ContainerInfo f, ContainerContext ctx) {
        boolean host = f.security().namespaces().user().equals("host")
                || CreateCommand.optionValues(f.security().createCommand(), "--userns").contains("host");
        return Outcome.failIf(host, "--userns host");
    }
}
