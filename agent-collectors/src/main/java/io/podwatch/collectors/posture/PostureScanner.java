package io.podwatch.collectors.posture;

import io.podwatch.collectors.exec.CommandRunner;
import io.podwatch.collectors.podman.api.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.PodmanApi;
import io.podwatch.collectors.podman.container.InspectJson;
import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerKey;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.posture.Allowlist;
import io.podwatch.core.posture.Check;
import io.podwatch.core.posture.Finding;
import io.podwatch.core.posture.Outcome;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the checks against the host and containers: one container as the inventory knows it, or
 * the host-level (images, trust, host) checks. Used by the continuous collector and by
 * {@code podwatch check} (which, having no inventory, inspects through the API once). Stateless apart from its collaborators (the API and host readers are
 * thread-safe), so the collector's scan and its event-driven checks may call it concurrently.
 */
public final class PostureScanner {
    private final PodmanApi api;
    private final HostFiles host;
    private final HostEvaluator hostEvaluator;
    private final Allowlist allow;
    private final int unusedDays;
    private final Clock clock;

    public PostureScanner(PodmanApi api, HostFiles host, CommandRunner commands, Allowlist allow, int unusedDays,
                          Clock clock) {
        this.api = api;
        this.host = host;
        this.hostEvaluator = new HostEvaluator(host, commands);
        this.allow = allow;
        this.unusedDays = unusedDays;
        this.clock = clock;
    }

    /** Slow (~0.4 s): once per host run. Unknown when the API is down. */
    public EngineInfo engineInfo() {
        try {
            return EngineInfo.from(api.info());
        } catch (IOException | RuntimeException e) {
            return EngineInfo.UNKNOWN;
        }
    }

    public ContainerContext context(EngineInfo engine) {
        return new ContainerContext(engine.rootless(), TrustConfig.read(host).insecureRegistries(), Map.of(),
                new ContainerProcesses(host));
    }

    /** One container checked: who it is and its findings (none when it follows every recommendation). */
    public record ContainerResult(ContainerRef ref, List<Finding> findings) {
    }

    /** Checks one container; empty for pod infra containers, which podman creates itself. */
    public Optional<ContainerResult> container(String nameOrId, ContainerContext ctx) throws IOException {
        return container(InspectJson.fromInspect(api.inspectContainer(nameOrId), ContainerKey.PODMAN, ContainerKey.ROOT),
                ctx);
    }

    /** Checks one container as the inventory knows it; empty for pod infra containers. */
    public Optional<ContainerResult> container(ContainerInfo facts, ContainerContext ctx) {
        if (facts.infra() || !facts.inspected()) {
            return Optional.empty();
        }
        ContainerContext withImage = ctx.withImageLabels(imageLabels(facts.imageId()));
        return Optional.of(new ContainerResult(facts.ref(), ContainerChecks.evaluate(facts, withImage, allow)));
    }

    private Map<String, String> imageLabels(String imageId) {
        if (imageId.isEmpty()) {
            return Map.of();
        }
        try {
            JsonNode image = api.inspectImage(imageId);
            Map<String, String> labels = Json.stringMap(image, "Labels");
            return labels.isEmpty() ? Json.stringMap(image, "Config", "Labels") : labels;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /**
     * Whether a change the inventory reports can change findings: another run (state, start, pid —
     * process checks read /proc), inspect detail arriving, or a different configuration.
     */
    static boolean relevantChange(ContainerInfo before, ContainerInfo after) {
        return !before.state().equals(after.state()) || before.pid() != after.pid()
                || !java.util.Objects.equals(before.startedAt(), after.startedAt())
                || before.inspected() != after.inspected() || !before.security().equals(after.security())
                || !before.mounts().equals(after.mounts()) || !before.limits().equals(after.limits())
                || !before.image().equals(after.image()) || !before.labels().equals(after.labels());
    }

    /**
     * The host, image and trust findings; each check that fails or cannot tell gives one.
     *
     * @param containers every container, as the inventory knows them (image use and sprawl)
     */
    public List<Finding> host(EngineInfo engine, List<ContainerInfo> containers) throws InterruptedException {
        ImageInventory inventory;
        try {
            inventory = ImageInventory.from(api.listImages(), containers);
        } catch (IOException | RuntimeException e) {
            inventory = null;
        }
        Map<Check, Outcome> outcomes = new java.util.LinkedHashMap<>(
                ImageChecks.evaluate(TrustConfig.read(host), inventory, clock.instant(), unusedDays));
        outcomes.putAll(hostEvaluator.evaluate(engine));
        List<Finding> out = new ArrayList<>();
        outcomes.forEach((check, o) -> {
            if (!o.passed()) {
                out.add(allow.apply(Finding.of(check, o, null), Map.of()));
            }
        });
        return out;
    }

    /**
     * Everything once, for {@code podwatch check}: the host-level findings and every container's,
     * or only the named container's when {@code onlyContainer} is given.
     *
     * @throws IOException when Podman cannot be reached (the host checks alone would mislead)
     */
    public List<Finding> once(String onlyContainer) throws IOException, InterruptedException {
        api.ping();
        EngineInfo engine = engineInfo();
        ContainerContext ctx = context(engine);
        List<Finding> out = new ArrayList<>();
        boolean one = onlyContainer != null && !onlyContainer.isEmpty();
        if (one) {
            container(onlyContainer, ctx).ifPresent(r -> out.addAll(r.findings()));
            return out;
        }
        List<ContainerInfo> listed = new ArrayList<>();
        for (JsonNode entry : api.listContainers(true)) {
            listed.add(InspectJson.fromList(entry, ContainerKey.PODMAN, ContainerKey.ROOT));
        }
        out.addAll(host(engine, listed));
        for (ContainerInfo c : listed) {
            container(c.id(), ctx).ifPresent(r -> out.addAll(r.findings()));
        }
        return out;
    }
}
