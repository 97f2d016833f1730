package io.podwatch.agent.http.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.podwatch.core.lifecycle.NamedThreads;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Checks {@code Authorization: Basic} against the web config's bcrypt hashes. A bcrypt check costs
 * ~50-100 ms by design, so it never runs on the event loop: it runs on {@code podwatch-http-auth}
 * (one thread, a short queue; a flood of wrong passwords is refused, not queued), and a credential
 * that passed is remembered by its SHA-256 (as exporter-toolkit does) so a scrape every 15 s costs
 * one hash, not one bcrypt. An unknown user is checked against a dummy hash so timing does not tell
 * which users exist.
 */
public final class BasicAuth implements AutoCloseable {
    private static final int REMEMBERED = 64;

    public enum Result { OK, DENIED, BUSY }

    private final Map<String, String> users;
    private final Set<String> passed = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> e) {
                    return size() > REMEMBERED;
                }
            }));
    private final ThreadPoolExecutor checker;
    /** Checked when the user is unknown, at the cost of the configured hashes. */
    private final String dummy;

    public BasicAuth(Map<String, String> users) {
        this.users = Map.copyOf(users);
        this.checker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16),
                NamedThreads.daemon("podwatch-http-auth"));
        int cost = this.users.values().stream().mapToInt(h -> Integer.parseInt(h.substring(4, 6))).max().orElse(4);
        this.dummy = BCrypt.withDefaults().hashToString(cost, "not a password".toCharArray());
    }

    /** The result now when it is known without bcrypt (no or malformed header, remembered credential), else null. */
    public Result quick(String header) {
        Credential c = Credential.parse(header);
        if (c == null) {
            return Result.DENIED;
        }
        return passed.contains(c.digest()) ? Result.OK : null;
    }

    /** The bcrypt check, off the caller's thread. */
    public CompletableFuture<Result> check(String header) {
        Credential c = Credential.parse(header);
        if (c == null) {
            return CompletableFuture.completedFuture(Result.DENIED);
        }
        try {
            return CompletableFuture.supplyAsync(() -> {
                String hash = users.get(c.user());
                boolean ok = BCrypt.verifyer().verify(c.password().toCharArray(), hash == null ? dummy : hash).verified
                        && hash != null;
                if (ok) {
                    passed.add(c.digest());
                }
                return ok ? Result.OK : Result.DENIED;
            }, checker);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(Result.BUSY);
        }
    }

    @Override
    public void close() {
        NamedThreads.shutdown(checker, java.time.Duration.ofSeconds(1));
    }

    private record Credential(String user, String password) {
        static Credential parse(String header) {
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || header.length() > 4096) {
                return null;
            }
            String plain;
            try {
                plain = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = plain.indexOf(':');
            return colon < 0 ? null : new Credential(plain.substring(0, colon), plain.substring(colon + 1));
        }

        String digest() {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest((user + '\0' + password).getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(d);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
