package io.podwatch.collectors.audit.enrich;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Closes Docker's audit gap (seed 001: "In Docker, the auditd auid is unset in the log"): the
 * container's processes descend from dockerd, which has no login uid, so the kernel cannot say who
 * asked for them. The {@code docker} client can: its exec is in the audit stream (with the audit
 * rule {@code -w /usr/bin/docker -p x}) with the caller's auid, session and argv. This remembers the
 * recent client calls that start or enter containers and answers "who ran this container" (the
 * {@code run}/{@code create}/{@code start} naming it, else the latest {@code run}/{@code create}
 * before it was first seen) and "who exec'd into it just now". Audit reading thread only; bounded.
 */
final class DockerClients {
    /** One docker client call: who, when, what. */
    record Call(long atMillis, long auid, String session, String verb, String target, List<String> argv) {
        String command() {
            String s = String.join(" ", argv);
            return s.length() <= 512 ? s : s.substring(0, 512) + "...";
        }
    }

    private static final int MAX = 512;
    private static final long KEEP_MILLIS = 600_000;
    private static final long EXEC_WINDOW_MILLIS = 30_000;
    private static final long UNNAMED_WINDOW_MILLIS = 120_000;
    /** Global flags of the docker CLI that take a value. */
    private static final Set<String> GLOBAL_WITH_VALUE = Set.of("-H", "--host", "-c", "--context", "--config", "-l",
            "--log-level", "--tlscacert", "--tlscert", "--tlskey");
    /** Flags of {@code exec}/{@code start} that take a value. */
    private static final Set<String> EXEC_WITH_VALUE = Set.of("-e", "--env", "--env-file", "-u", "--user", "-w",
            "--workdir", "--detach-keys");
    private static final Set<String> VERBS = Set.of("run", "create", "start", "exec", "restart");

    private final Deque<Call> calls = new ArrayDeque<>();

    /** An exec seen in the audit stream: kept when it is the docker client starting or entering a container. */
    void exec(String executable, List<String> argv, long auid, String session, long atMillis) {
        if (executable == null || !executable.endsWith("/docker") || !io.podwatch.collectors.engine.MonitorArgs
                .trusted(executable) || auid < 0) {
            return;
        }
        Call c = parse(argv, auid, session, atMillis);
        if (c == null) {
            return;
        }
        calls.addLast(c);
        while (calls.size() > MAX || (!calls.isEmpty() && calls.peekFirst().atMillis() < atMillis - KEEP_MILLIS)) {
            calls.removeFirst();
        }
    }

    /** The call that started the container: one naming it, else the latest unnamed run/create before {@code firstSeen}. */
    Optional<Call> starter(String name, String id, long firstSeenMillis) {
        Call named = null;
        Call unnamed = null;
        for (Iterator<Call> it = calls.descendingIterator(); it.hasNext(); ) {
            Call c = it.next();
            if (c.verb().equals("exec")) {
                continue;
            }
            if (names(c, name, id)) {
                named = named == null ? c : named;
            } else if (c.target().isEmpty() && unnamed == null && c.atMillis() <= firstSeenMillis
                    && c.atMillis() >= firstSeenMillis - UNNAMED_WINDOW_MILLIS) {
                unnamed = c;
            }
        }
        return Optional.ofNullable(named != null ? named : unnamed);
    }

    /** The latest {@code docker exec} into the container shortly before {@code atMillis}. */
    Optional<Call> execInto(String name, String id, long atMillis) {
        for (Iterator<Call> it = calls.descendingIterator(); it.hasNext(); ) {
            Call c = it.next();
            if (c.verb().equals("exec") && names(c, name, id) && c.atMillis() <= atMillis + 1000
                    && c.atMillis() >= atMillis - EXEC_WINDOW_MILLIS) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean names(Call c, String name, String id) {
        String t = c.target();
        return !t.isEmpty() && (t.equals(name) || (t.length() >= 4 && id.startsWith(t)));
    }

    /** The verb and its container (the {@code --name} of run/create, the first argument of start/exec). */
    static Call parse(List<String> argv, long auid, String session, long atMillis) {
        int i = 1;
        while (i < argv.size() && argv.get(i).startsWith("-")) {
            i += GLOBAL_WITH_VALUE.contains(argv.get(i)) ? 2 : 1;
        }
        if (i >= argv.size()) {
            return null;
        }
        String verb = argv.get(i++);
        if (verb.equals("container") && i < argv.size()) {
            verb = argv.get(i++);
        }
        if (!VERBS.contains(verb)) {
            return null;
        }
        String target = "";
        if (verb.equals("run") || verb.equals("create")) {
            for (int j = i; j < argv.size(); j++) {
                String a = argv.get(j);
                if (a.equals("--name") && j + 1 < argv.size()) {
                    target = argv.get(j + 1);
                    break;
                }
                if (a.startsWith("--name=")) {
                    target = a.substring("--name=".length());
                    break;
                }
            }
        } else {
            while (i < argv.size() && argv.get(i).startsWith("-")) {
                i += EXEC_WITH_VALUE.contains(argv.get(i)) ? 2 : 1;
            }
            target = i < argv.size() ? argv.get(i) : "";
        }
        return new Call(atMillis, auid, session, verb, target, List.copyOf(argv));
    }
}
