package io.podwatch.collectors.posture;

import io.podwatch.collectors.podman.api.Json;
import static io.podwatch.core.model.Severity.HIGH;
import static io.podwatch.core.model.Severity.LOW;
import static io.podwatch.core.model.Severity.MEDIUM;
import static io.podwatch.core.posture.Scope.IMAGE;
import static io.podwatch.core.posture.Seed.ALPAQUITA;
import static io.podwatch.core.posture.Seed.ORACLE;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Image trust (policy.json, registries.conf) and image/container sprawl; host-level findings. */
public final class ImageChecks {
    static final Check POLICY_ACCEPT_ANYTHING = new Check("PW-I-POLICY-ACCEPT-ANYTHING",
            "Images from registries in use are accepted without verification", HIGH, IMAGE,
            "policy.json: the requirement that applies to each remote registry the containers' images come from "
            + "(transports.docker scope, else the default) is insecureAcceptAnything", ORACLE,
            "Verify that Podman images are received and deployed unchanged from a source with a trusted reputation "
            + "and which has been authenticated.",
            "Give each registry you pull from a signedBy or sigstoreSigned requirement in /etc/containers/policy.json "
            + "and set the default to reject.");
    static final Check NO_SIGNATURES = new Check("PW-I-NO-SIGNATURE-REQUIRED", "No image signature is required anywhere",
            MEDIUM, IMAGE, "policy.json: no signedBy or sigstoreSigned requirement at all", ALPAQUITA,
            "Images can be signed similarly as packages and a Podman host can be configured to require that images "
            + "from a remote registry are signed and validated before being used locally.",
            "Configure signature verification (podman image trust set -t signedBy -f KEY.gpg REGISTRY).");
    static final Check SHORT_NAME_MODE = new Check("PW-I-SHORT-NAME-PERMISSIVE", "Short-name resolution not enforcing",
            MEDIUM, IMAGE, "registries.conf (and registries.conf.d): short-name-mode permissive or disabled", ALPAQUITA,
            "Pull images by their fully-qualified names instead of a shortened name to avoid a possibility of "
            + "pulling from a different registry.",
            "Set short-name-mode = \"enforcing\" in /etc/containers/registries.conf.");
    static final Check INSECURE_REGISTRY = new Check("PW-I-INSECURE-REGISTRY", "Insecure registry configured", HIGH,
            IMAGE, "registries.conf: [[registry]] with insecure = true, or a v1 [registries.insecure] list", ALPAQUITA,
            "It is unsafe to use insecure image registries that are not protected by TLS.",
            "Remove insecure = true and serve the registry over TLS (with its CA in /etc/containers/certs.d/).");
    static final Check UNUSED_IMAGES = new Check("PW-I-UNUSED-IMAGES", "Unused images kept", LOW, IMAGE,
            "Images no container uses, created more than posture.unused-days ago", ORACLE,
            "Systematically remove images and containers that aren't needed from the host system to avoid image and "
            + "container sprawl and to help prevent the accidental usage of an old, unused image, or container that "
            + "has potentially avoided security scrutiny.",
            "Remove them: podman image prune -a (or podman rmi NAME); consider podman auto-update.");
    static final Check STALE_CONTAINERS = new Check("PW-I-STALE-CONTAINERS", "Stopped containers kept", LOW, IMAGE,
            "Containers not running whose exit (or creation, if never started) is more than posture.unused-days ago",
            ALPAQUITA, "Images and containers that are not needed should be removed from the host system to avoid "
            + "image and container garbage and to protect from the accidental execution of an old, unused image, "
            + "or container that might have possible security flaws.",
            "Remove them: podman container prune (or podman rm NAME).");

    private ImageChecks() {
    }

    public static List<Check> all() {
        return List.of(POLICY_ACCEPT_ANYTHING, NO_SIGNATURES, SHORT_NAME_MODE, INSECURE_REGISTRY, UNUSED_IMAGES,
                STALE_CONTAINERS);
    }

    /** Outcomes in {@link #all()} order; {@code inventory} null when Podman could not be asked. */
    public static Map<Check, Outcome> evaluate(TrustConfig trust, ImageInventory inventory, Instant now, int unusedDays) {
        Map<Check, Outcome> out = new java.util.LinkedHashMap<>();
        out.put(POLICY_ACCEPT_ANYTHING, inventory == null ? Outcome.unknown("Podman not reachable") : acceptAnything(trust, inventory));
        out.put(NO_SIGNATURES, trust.policy() == null ? Outcome.unknown(trust.policyError())
                : Outcome.failIf(!requiresSignatures(trust.policy()), "no signedBy or sigstoreSigned requirement in policy.json"));
        String mode = trust.shortNameMode();
        out.put(SHORT_NAME_MODE, Outcome.failIf(mode.equals("permissive") || mode.equals("disabled"),
                "short-name-mode = \"" + mode + "\""));
        out.put(INSECURE_REGISTRY, Outcome.failIf(!trust.insecureRegistries().isEmpty(),
                "insecure: " + String.join(", ", new TreeSet<>(trust.insecureRegistries()))));
        Instant cutoff = now.minus(Duration.ofDays(unusedDays));
        out.put(UNUSED_IMAGES, inventory == null ? Outcome.unknown("Podman not reachable") : unusedImages(inventory, cutoff));
        out.put(STALE_CONTAINERS, inventory == null ? Outcome.unknown("Podman not reachable") : stale(inventory, cutoff));
        return out;
    }

    static Outcome acceptAnything(TrustConfig trust, ImageInventory inv) {
        if (trust.policy() == null) {
            return Outcome.unknown(trust.policyError());
        }
        Set<String> accepting = new TreeSet<>();
        for (ImageInventory.Container c : inv.containers()) {
            String reg = ContentChecks.registry(c.image());
            if (!reg.isEmpty() && !reg.equals("localhost") && "insecureAcceptAnything".equals(requirement(trust.policy(), c.image()))) {
                accepting.add(reg);
            }
        }
        return Outcome.failIf(!accepting.isEmpty(), "insecureAcceptAnything for: " + String.join(", ", accepting));
    }

    /** The first requirement type for {@code image}: the longest matching docker scope, else the default. */
    static String requirement(JsonNode policy, String image) {
        JsonNode docker = Json.at(policy, "transports", "docker");
        String best = null;
        if (docker != null && docker.isObject()) {
            for (var it = docker.fieldNames(); it.hasNext(); ) {
                String scope = it.next();
                boolean match = scope.isEmpty() || image.equals(scope) || image.startsWith(scope + "/")
                        || image.startsWith(scope + ":") || image.startsWith(scope + "@");
                if (match && (best == null || scope.length() > best.length())) {
                    best = scope;
                }
            }
        }
        JsonNode reqs = best != null ? docker.get(best) : Json.at(policy, "default");
        return reqs != null && reqs.isArray() && reqs.size() > 0 ? Json.text(reqs.get(0), "type") : "";
    }

    static boolean requiresSignatures(JsonNode policy) {
        List<JsonNode> lists = new ArrayList<>();
        lists.add(Json.at(policy, "default"));
        JsonNode transports = Json.at(policy, "transports");
        if (transports != null) {
            transports.forEach(t -> t.forEach(lists::add));
        }
        for (JsonNode reqs : lists) {
            for (JsonNode r : Json.array(reqs)) {
                String type = Json.text(r, "type");
                if (type.equals("signedBy") || type.equals("sigstoreSigned")) {
                    return true;
                }
            }
        }
        return false;
    }

    static Outcome unusedImages(ImageInventory inv, Instant cutoff) {
        Set<String> used = new TreeSet<>();
        inv.containers().forEach(c -> used.add(c.imageId()));
        List<String> old = inv.images().stream()
                .filter(i -> !used.contains(i.id()) && i.created() != null && i.created().isBefore(cutoff))
                .map(i -> i.names().isEmpty() ? i.id().substring(0, Math.min(12, i.id().length())) : i.names().get(0))
                .toList();
        return Outcome.failIf(!old.isEmpty(), old.size() + " unused: " + sample(old));
    }

    static Outcome stale(ImageInventory inv, Instant cutoff) {
        List<String> old = inv.containers().stream()
                .filter(c -> !c.state().equals("running") && !c.state().equals("paused"))
                .filter(c -> {
                    Instant last = c.exitedAt() != null ? c.exitedAt() : c.created();
                    return last != null && last.isBefore(cutoff);
                })
                .map(c -> c.name().isEmpty() ? c.id().substring(0, Math.min(12, c.id().length())) : c.name()).toList();
        return Outcome.failIf(!old.isEmpty(), old.size() + " stopped: " + sample(old));
    }

    private static String sample(List<String> names) {
        return names.size() <= 10 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + " and " + (names.size() - 10) + " more";
    }
}
