package io.podwatch.agent.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.lifecycle.NamedThreads;
import io.podwatch.core.lifecycle.StartRefused;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Serves {@code /metrics}, {@code /healthz} and the status page on one Netty event-loop thread
 * ({@code podwatch-http}). Handlers only render in-memory state, so one thread is plenty and a
 * scrape never waits for a collector.
 */
public final class HttpServer implements Managed {
    private final String listen;
    private final Routes routes;
    private EventLoopGroup group;
    private Channel channel;
    private boolean closed;

    public HttpServer(String listen, Routes routes) {
        this.listen = listen;
        this.routes = routes;
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public synchronized void start() throws InterruptedException, StartRefused {
        group = new MultiThreadIoEventLoopGroup(1, NamedThreads.daemon("podwatch-http"), NioIoHandler.newFactory());
        ServerBootstrap b = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(16 * 1024),
                                new RouteHandler(routes));
                    }
                });
        InetSocketAddress address = address(listen);
        try {
            channel = b.bind(address).sync().channel();
        } catch (Exception e) {
            if (e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException) {
                throw new StartRefused("http.listen " + listen + ": address already in use"
                        + PortHolder.describe(address.getPort()) + "; stop that process or set http.listen");
            }
            if (e instanceof InterruptedException ie) {
                throw ie;
            }
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The bound address (useful when listening on port 0 in tests). */
    public synchronized InetSocketAddress boundAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        String host = hostPort.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new InetSocketAddress(host, Integer.parseInt(hostPort.substring(colon + 1)));
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
    }
}
