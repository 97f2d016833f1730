package io.podwatch.core.sprawl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seeds' "review volumes for sprawl; remove images and containers that aren't needed", as a
 * list: dangling volumes, volumes only long-stopped containers use, stopped containers and unused
 * images older than the cutoff, each with its command. Pure.
 */
public final class Sprawl {
    private Sprawl() {
    }

    public static List<SprawlItem> analyse(SprawlFacts f, SprawlState state, Instant now, Duration unused) {
        Instant cutoff = now.minus(unused);
        Map<String, List<SprawlFacts.ContainerFact>> users = new HashMap<>();
        Set<String> usedImages = new HashSet<>();
        for (SprawlFacts.ContainerFact c : f.containers()) {
            c.volumes().forEach(v -> users.computeIfAbsent(v, k -> new ArrayList<>()).add(c));
            usedImages.add(c.imageId());
        }
        List<SprawlItem> out = new ArrayList<>();
        for (SprawlFacts.VolumeFact v : f.volumes()) {
            List<SprawlFacts.ContainerFact> u = users.getOrDefault(v.name(), List.of());
            if (u.isEmpty()) {
                // the latest evidence of use wins: last attached, else first seen dangling, else created
                Instant since = first(state.lastAttached().get(v.name()), state.firstDangling().get(v.name()),
                        v.created());
                if (since == null || !since.isAfter(cutoff)) {
                    out.add(new SprawlItem("volume", v.name(), v.mountpoint(), "dangling", since, -1,
                            "podman volume rm " + quote(v.name())));
                }
            } else if (u.stream().noneMatch(SprawlFacts.ContainerFact::running)) {
                Instant stopped = u.stream().map(Sprawl::stoppedSince).max(Comparator.naturalOrder()).orElse(null);
                if (stopped != null && !stopped.isAfter(cutoff)) {
                    StringBuilder cmd = new StringBuilder("podman rm");
                    u.forEach(c -> cmd.append(' ').append(quote(c.name())));
                    cmd.append(" && podman volume rm ").append(quote(v.name()));
                    out.add(new SprawlItem("volume", v.name(), v.mountpoint(), "used only by stopped containers: "
                            + String.join(", ", u.stream().map(SprawlFacts.ContainerFact::name).toList()), stopped, -1,
                            cmd.toString()));
                }
            }
        }
        for (SprawlFacts.ContainerFact c : f.containers()) {
            Instant since = stoppedSince(c);
            if (!c.running() && since != null && !since.isAfter(cutoff)) {
                out.add(new SprawlItem("container", c.name(), c.id(), c.state(), since, -1,
                        "podman rm " + quote(c.name())));
            }
        }
        for (SprawlFacts.ImageFact i : f.images()) {
            if (usedImages.contains(i.id())) {
                continue;
            }
            Instant since = state.imageLastUsed().getOrDefault(i.id(), i.created());
            if (since == null || !since.isAfter(cutoff)) {
                String name = i.names().isEmpty() ? "<none>" : i.names().get(0);
                String shortId = i.id().length() > 12 ? i.id().substring(0, 12) : i.id();
                out.add(new SprawlItem("image", name, i.id(), "unused", since, i.size(), "podman rmi " + quote(shortId)));
            }
        }
        return out;
    }

    /** The engine-wide clean-up commands for the cutoff (containers and images; volumes one by one). */
    public static List<String> pruneCommands(Duration unused) {
        String until = unused.toHours() + "h";
        return List.of("podman container prune --filter until=" + until,
                "podman image prune -a --filter until=" + until);
    }

    private static Instant stoppedSince(SprawlFacts.ContainerFact c) {
        return c.finished() != null && c.finished().getEpochSecond() > 0 ? c.finished() : c.created();
    }

    private static Instant first(Instant a, Instant b, Instant c) {
        return a != null ? a : b != null ? b : c;
    }

    /** Single-quoted for a POSIX shell: a hostile name cannot break out of the command. */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
