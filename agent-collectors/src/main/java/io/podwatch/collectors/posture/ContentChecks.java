package io.podwatch.collectors.posture;

import io.podwatch.core.inventory.ContainerInfo;
import static io.podwatch.core.model.Severity.HIGH;
import static io.podwatch.core.model.Severity.LOW;
import static io.podwatch.core.model.Severity.MEDIUM;
import static io.podwatch.core.posture.Scope.CONTAINER;
import static io.podwatch.core.posture.Seed.ALPAQUITA;
import static io.podwatch.core.posture.Seed.ORACLE;

import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a container runs: where its image came from, the image's RUN label, an SSH daemon. */
final class ContentChecks {
    private static final Pattern RISKY_RUN = Pattern.compile(
            "--privileged\\b|--(net|network)[= ]host\\b|--pid[= ]host\\b|--ipc[= ]host\\b|--userns[= ]host\\b");

    static final Check IMAGE_SHORT_NAME = new Check("PW-C-IMAGE-SHORT-NAME", "Image referenced by short name", LOW,
            CONTAINER, "The image as given on the create command (else ImageName): no registry host before the first /",
            ALPAQUITA, "Pull images by their fully-qualified names instead of a shortened name to avoid a possibility "
            + "of pulling from a different registry.",
            "Use the fully qualified name: registry.example.com/team/app:1.4 (localhost/name:tag for local builds).");
    static final Check IMAGE_INSECURE_REGISTRY = new Check("PW-C-IMAGE-INSECURE-REGISTRY",
            "Image from an insecure registry", HIGH, CONTAINER,
            "The registry of ImageName, against the registries registries.conf marks insecure", ORACLE,
            "When pulling images from remote sources, ensure that the connection is protected and that you're using "
            + "HTTPS for the pull request. Don't use insecure image registries that aren't protected by TLS.",
            "Serve the registry over TLS, remove insecure = true for it, pull again and re-create the container.");
    static final Check RUNLABEL = new Check("PW-C-RUNLABEL", "RUN label starts a privileged or host-namespace container",
            HIGH, CONTAINER, "The RUN (or run) label of the container and its image: --privileged, --net/--network "
            + "host, --pid/--ipc/--userns host", ALPAQUITA,
            "Before actual execution, we recommend checking such shortcuts by executing the runlabel --display "
            + "option to avoid any malicious podman run command.",
            "Do not use podman container runlabel with this image; run it with explicit, reviewed options.");
    static final Check SSHD = new Check("PW-C-SSHD", "SSH daemon running inside", MEDIUM, CONTAINER,
            "Command names of the running container's processes (/proc, same cgroup as its init): sshd, dropbear",
            ORACLE, "Don't run SSH inside containers.",
            "Remove the SSH server from the image; use podman exec (or a bastion) to get a shell.");

    private ContentChecks() {
    }

    static List<ContainerRule> rules() {
        return List.of(new ContainerRule(IMAGE_SHORT_NAME, ContentChecks::shortName),
                new ContainerRule(IMAGE_INSECURE_REGISTRY, (f, c) -> {
                    String reg = registry(f.image());
                    return Outcome.failIf(!reg.isEmpty() && c.insecureRegistries().contains(reg),
                            "image " + f.image() + " from insecure registry " + reg);
                }),
                new ContainerRule(RUNLABEL, ContentChecks::runlabel),
                new ContainerRule(SSHD, ContentChecks::sshd));
    }

    /** The registry host of an image reference, or "" for a short name. */
    static String registry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String first = image.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "";
    }

    static Outcome shortName(ContainerInfo f, ContainerContext ctx) {
        String typed = CreateCommand.imageAsTyped(f.security().createCommand(), f.image());
        String name = typed.isEmpty() ? f.image() : typed;
        if (name.isEmpty() || name.matches("[0-9a-f]{12,64}") || name.startsWith("sha256:")) {
            return Outcome.pass();
        }
        return Outcome.failIf(registry(name).isEmpty(), "image given as " + name + " (resolved to " + f.image() + ")");
    }

    static Outcome runlabel(ContainerInfo f, ContainerContext ctx) {
        for (Map<String, String> labels : List.of(f.labels(), ctx.imageLabels())) {
            for (String key : List.of("RUN", "run")) {
                String run = labels.getOrDefault(key, "");
                if (RISKY_RUN.matcher(run).find()) {
                    return Outcome.fail("RUN label: " + run);
                }
            }
        }
        return Outcome.pass();
    }

    static Outcome sshd(ContainerInfo f, ContainerContext ctx) {
        if (!f.alive() || ctx.processes() == null) {
            return Outcome.pass();
        }
        List<String> ssh = ctx.processes().commands(f.pid()).stream()
                .filter(c -> c.equals("sshd") || c.startsWith("sshd:") || c.equals("dropbear")).distinct().toList();
        return Outcome.failIf(!ssh.isEmpty(), "running: " + String.join(", ", ssh));
    }
}
