package io.podwatch.collectors.podman.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.podwatch.collectors.podman.PodmanApi;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link PodmanApi} that finds its socket lazily and reconnects by itself: the first call after
 * start (or after a failure) resolves the socket — the configured one, else the first candidate
 * that answers, else the socket of the service podwatch runs itself — and a call that fails on the
 * transport drops the client so the next call starts over. This is how a Podman service that is
 * absent at boot or restarted later is survived without an agent restart. Thread-safe.
 */
public final class PodmanConnection implements PodmanApi {
    private static final Duration PROBE = Duration.ofSeconds(1);

    private final Optional<URI> configured;
    private final List<URI> candidates;
    private final Supplier<Optional<URI>> ownedSocket;
    private final BiFunction<URI, Duration, PodmanApi> clients;
    private final Duration timeout;
    private volatile PodmanApi client;
    private volatile boolean up;
    private boolean closed;

    /**
     * @param configured the socket from config; when present nothing else is tried
     * @param candidates sockets tried in order when none is configured
     * @param ownedSocket the socket of the service podwatch started, when it started one
     * @param clients makes the client for a socket (a {@link PodmanClient} in production)
     */
    public PodmanConnection(Optional<URI> configured, List<URI> candidates, Supplier<Optional<URI>> ownedSocket,
                            BiFunction<URI, Duration, PodmanApi> clients, Duration timeout) {
        this.configured = configured;
        this.candidates = List.copyOf(candidates);
        this.ownedSocket = ownedSocket;
        this.clients = clients;
        this.timeout = timeout;
    }

    /** 1 when the last call succeeded: {@code podwatch_podman_up}. */
    public boolean up() {
        return up;
    }

    private synchronized PodmanApi client() throws IOException {
        if (closed) {
            throw new IOException("Podman connection is closed");
        }
        if (client == null) {
            client = clients.apply(resolve(), timeout);
        }
        return client;
    }

    private URI resolve() throws IOException {
        if (configured.isPresent()) {
            return configured.get();
        }
        for (URI c : candidates) {
            if (SocketProbe.answers(c, PROBE)) {
                return c;
            }
        }
        Optional<URI> owned = ownedSocket.get();
        if (owned.isPresent() && SocketProbe.answers(owned.get(), PROBE)) {
            return owned.get();
        }
        throw new IOException("no Podman API socket answers (tried " + candidates
                + owned.map(o -> " and podwatch's own service on " + o).orElse("") + ")");
    }

    private synchronized void drop(PodmanApi failed) {
        if (client == failed && failed != null) {
            client = null;
            failed.close();
        }
    }

    private interface Call<T> {
        T on(PodmanApi api) throws IOException, InterruptedException;
    }

    private <T> T run(Call<T> call) throws IOException, InterruptedException {
        PodmanApi api = null;
        try {
            api = client();
            T result = call.on(api);
            up = true;
            return result;
        } catch (ApiStatusException e) {
            up = true; // the service answered, even if not with what we asked for
            throw e;
        } catch (IOException e) {
            up = false;
            drop(api);
            throw e;
        }
    }

    private <T> T runIo(Call<T> call) throws IOException {
        try {
            return run(call);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void ping() throws IOException {
        runIo(api -> {
            api.ping();
            return null;
        });
    }

    @Override
    public List<JsonNode> listContainers(boolean all) throws IOException {
        return runIo(api -> api.listContainers(all));
    }

    @Override
    public JsonNode inspectContainer(String nameOrId) throws IOException {
        return runIo(api -> api.inspectContainer(nameOrId));
    }

    @Override
    public JsonNode statsAll() throws IOException {
        return runIo(PodmanApi::statsAll);
    }

    @Override
    public List<JsonNode> listImages() throws IOException {
        return runIo(PodmanApi::listImages);
    }

    @Override
    public JsonNode inspectImage(String nameOrId) throws IOException {
        return runIo(api -> api.inspectImage(nameOrId));
    }

    @Override
    public List<JsonNode> listVolumes() throws IOException {
        return runIo(PodmanApi::listVolumes);
    }

    @Override
    public JsonNode info() throws IOException {
        return runIo(PodmanApi::info);
    }

    @Override
    public void streamEvents(Consumer<JsonNode> sink) throws IOException, InterruptedException {
        run(api -> {
            api.streamEvents(sink);
            return null;
        });
        // a stream that ended means the service went away: reconnect from scratch next time
        drop(client);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
