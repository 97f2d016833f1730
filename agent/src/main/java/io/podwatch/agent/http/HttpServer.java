package io.podwatch.agent.http;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.podwatch.agent.http.auth.BasicAuth;
import io.podwatch.agent.http.auth.WebConfig;
import io.podwatch.core.config.HostPort;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.lifecycle.NamedThreads;
import io.podwatch.core.lifecycle.StartRefused;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /metrics}, {@code /healthz}, the status page and {@code /api/v1/} on one Netty
 * event-loop thread ({@code podwatch-http}). Handlers only render in-memory state, so one thread is
 * plenty and a scrape never waits for a collector. A hostile local client must not take it down:
 * write-buffer water marks and one response in flight per connection bound what a client that
 * never reads can pin, idle connections are closed, and connections beyond a cap are refused.
 */
public final class HttpServer implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    /**
     * @param idleTimeout a connection with no request read and no response byte taken for this long is closed
     * @param maxPipelined requests one connection may have decoded and waiting; more closes it
     * @param maxConnections open connections; more are closed as soon as accepted
     */
    public record Limits(Duration idleTimeout, int maxPipelined, int maxConnections) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(60), 16, 256);
    }

    /** Counters the event loop keeps and the scrape reads. */
    static final class Stats {
        final AtomicInteger open = new AtomicInteger();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong idleClosed = new AtomicLong();
        final AtomicLong unauthorized = new AtomicLong();
    }

    private final HostPort listen;
    private final Routes routes;
    private final WebConfig web;
    private final Limits limits;
    private final Stats stats = new Stats();
    private EventLoopGroup group;
    private Channel channel;
    private Bodies bodies;
    private BasicAuth auth;
    private boolean closed;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public HttpServer(HostPort listen, Routes routes) {
        this(listen, routes, WebConfig.NONE, Limits.DEFAULT);
    }

    public HttpServer(HostPort listen, Routes routes, WebConfig web, Limits limits) {
        this.listen = listen;
        this.routes = routes;
        this.web = web;
        this.limits = limits;
    }

    /** Registers the server's self-metrics. */
    public HttpServer meters(MeterRegistry m) {
        Gauge.builder("podwatch.http.connections", stats.open, AtomicInteger::get)
                .description("Open HTTP connections").register(m);
        FunctionCounter.builder("podwatch.http.connections.closed", stats.refused, AtomicLong::get).tag("reason", "limit")
                .description("HTTP connections closed by the agent, by reason").register(m);
        FunctionCounter.builder("podwatch.http.connections.closed", stats.idleClosed, AtomicLong::get).tag("reason", "idle")
                .description("HTTP connections closed by the agent, by reason").register(m);
        FunctionCounter.builder("podwatch.http.unauthorized", stats.unauthorized, AtomicLong::get)
                .description("HTTP requests refused for missing or wrong basic-auth credentials").register(m);
        return this;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public synchronized void start() throws InterruptedException, StartRefused {
        SslContext ssl = sslContext();
        auth = web.auth() ? new BasicAuth(web.users()) : null;
        ThreadFactory named = NamedThreads.daemon("podwatch-http");
        group = new MultiThreadIoEventLoopGroup(1, r -> {
            Thread t = named.newThread(r);
            threads.add(t); // joined in close(): Netty's termination future completes before the thread exits
            return t;
        }, NioIoHandler.newFactory());
        bodies = new Bodies(PooledByteBufAllocator.DEFAULT);
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 64 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        stats.open.incrementAndGet();
                        ch.closeFuture().addListener(f -> stats.open.decrementAndGet());
                        if (stats.open.get() > limits.maxConnections()) {
                            stats.refused.incrementAndGet();
                            ch.close();
                            return;
                        }
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
                        }
                        long idle = limits.idleTimeout().toMillis();
                        // observeOutput: a response still draining counts as activity, a stuck one does not
                        ch.pipeline().addLast(new IdleStateHandler(true, 0, 0, idle, TimeUnit.MILLISECONDS),
                                new HttpServerCodec(4096, 8192, 8192), new HttpObjectAggregator(16 * 1024),
                                new RouteHandler(routes, bodies, auth, limits, stats));
                    }
                });
        InetSocketAddress address = new InetSocketAddress(listen.host(), listen.port());
        try {
            channel = b.bind(address).sync().channel();
        } catch (Exception e) {
            if (e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException) {
                throw ListenProbe.refusal(listen);
            }
            if (e instanceof InterruptedException ie) {
                throw ie;
            }
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
        warnIfExposed(boundAddress());
    }

    /** The web config's certificate and key, read now (they may be replaced between restarts). */
    private SslContext sslContext() throws StartRefused {
        if (!web.tls()) {
            return null;
        }
        try {
            return SslContextBuilder.forServer(web.certFile().toFile(), web.keyFile().toFile())
                    .protocols(web.minVersion().equals("TLS13") ? new String[] {"TLSv1.3"} : new String[] {"TLSv1.3", "TLSv1.2"})
                    .build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new StartRefused("http.web-config: cannot use cert_file " + web.certFile() + " with key_file "
                    + web.keyFile() + " (PEM certificate and PKCS#8 key expected): " + e.getMessage());
        }
    }

    private void warnIfExposed(InetSocketAddress a) {
        if (a.getAddress().isLoopbackAddress() || (web.tls() && web.auth())) {
            return;
        }
        LOG.warn("listening on {} beyond loopback {}: anyone who reaches it can {}; set http.web-config "
                        + "(tls_server_config, basic_auth_users) or listen on 127.0.0.1",
                a.getHostString() + ":" + a.getPort(), !web.tls() && !web.auth() ? "without TLS or basic auth"
                        : !web.tls() ? "without TLS" : "without basic auth",
                !web.auth() ? "read the metrics, alerts and events" : "read credentials and data in clear text");
    }

    /** The bound address (useful when listening on port 0 in tests). */
    public synchronized InetSocketAddress boundAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (channel != null) {
            channel.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        threads.forEach(t -> NamedThreads.join(t, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        if (bodies != null) {
            bodies.close();
        }
        if (auth != null) {
            auth.close();
        }
    }
}
