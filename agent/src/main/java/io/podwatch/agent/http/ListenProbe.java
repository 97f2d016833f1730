package io.podwatch.agent.http;

import io.podwatch.core.config.HostPort;
import io.podwatch.core.lifecycle.StartRefused;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether {@code http.listen} can be bound, answered before anything is built so a second agent
 * refuses in the time the JVM takes to start; {@link HttpServer#start()} binds for real and refuses
 * with the same line if the address was taken in between.
 */
public final class ListenProbe {
    private ListenProbe() {
    }

    /** Binds and releases the address; throws the operator's one line when it is taken. */
    public static void check(HostPort listen) throws StartRefused {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(listen.host(), listen.port()));
        } catch (BindException e) {
            throw refusal(listen);
        } catch (IOException e) {
            // not ours to judge here (e.g. an unresolvable name): the real bind reports it
        }
    }

    static StartRefused refusal(HostPort listen) {
        return new StartRefused("http.listen " + listen + ": address already in use" + PortHolder.describe(listen.port())
                + "; stop that process or set http.listen");
    }
}
