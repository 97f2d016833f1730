package io.podwatch.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.podwatch.agent.http.auth.BasicAuth;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one connection's requests, one at a time and in order (HTTP/1.1 pipelining). While a
 * response is being written, or the channel is not writable, the connection is not read: a client
 * that pipelines scrapes and never reads holds one response in flight, never 300 of them. More
 * than {@link HttpServer.Limits#maxPipelined()} requests already decoded closes the connection.
 * GET/HEAD only; basic auth first when the web config has users.
 */
final class RouteHandler extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RouteHandler.class);
    private static final String TEXT = "text/plain; charset=utf-8";

    private final Routes routes;
    private final Bodies bodies;
    private final BasicAuth auth;
    private final HttpServer.Limits limits;
    private final HttpServer.Stats stats;
    private final ArrayDeque<FullHttpRequest> pending = new ArrayDeque<>();
    private boolean busy;

    RouteHandler(Routes routes, Bodies bodies, BasicAuth auth, HttpServer.Limits limits, HttpServer.Stats stats) {
        this.routes = routes;
        this.bodies = bodies;
        this.auth = auth;
        this.limits = limits;
        this.stats = stats;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (pending.size() >= limits.maxPipelined()) {
            req.release();
            stats.refused.incrementAndGet();
            ctx.close();
            return;
        }
        pending.addLast(req);
        ctx.channel().config().setAutoRead(false);
        next(ctx);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        next(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    /** Serves the next request when nothing is in flight and the peer reads; reads again when all are served. */
    private void next(ChannelHandlerContext ctx) {
        if (busy || !ctx.channel().isActive() || !ctx.channel().isWritable()) {
            return;
        }
        FullHttpRequest req = pending.pollFirst();
        if (req == null) {
            ctx.channel().config().setAutoRead(true);
            return;
        }
        busy = true;
        if (auth == null) {
            respond(ctx, req, null);
            return;
        }
        String header = req.headers().get(HttpHeaderNames.AUTHORIZATION);
        BasicAuth.Result quick = auth.quick(header);
        if (quick != null) {
            respond(ctx, req, quick);
        } else {
            auth.check(header).whenComplete((r, e) -> ctx.executor().execute(
                    () -> respond(ctx, req, r == null ? BasicAuth.Result.BUSY : r)));
        }
    }

    private void respond(ChannelHandlerContext ctx, FullHttpRequest req, BasicAuth.Result authResult) {
        try {
            if (!ctx.channel().isActive()) {
                busy = false;
                return;
            }
            Routes.Response r = route(req, authResult);
            boolean head = req.method().equals(HttpMethod.HEAD);
            boolean gzip = r.length() > 256 && acceptsGzip(req.headers().get(HttpHeaderNames.ACCEPT_ENCODING));
            ByteBuf body = gzip ? bodies.gzip(r.chunks()) : bodies.plain(r.chunks());
            int length = body.readableBytes();
            if (head) {
                body.release();
                body = Unpooled.EMPTY_BUFFER;
            }
            FullHttpResponse resp = new DefaultFullHttpResponse(req.protocolVersion(), HttpResponseStatus.valueOf(r.status()), body);
            resp.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
            resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, length);
            resp.headers().set("X-Content-Type-Options", "nosniff");
            if (gzip) {
                resp.headers().set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            }
            if (r.status() == 401) {
                resp.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Basic realm=\"podwatch\", charset=\"UTF-8\"");
            }
            if (r.contentType().startsWith("text/html")) {
                // the page loads only what the jar serves; no inline script, no framing
                resp.headers().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                        + "style-src 'self'; frame-ancestors 'none'");
            }
            boolean keepAlive = HttpUtil.isKeepAlive(req);
            HttpUtil.setKeepAlive(resp, keepAlive);
            ctx.writeAndFlush(resp).addListener((ChannelFutureListener) f -> {
                busy = false;
                if (!keepAlive || !f.isSuccess()) {
                    f.channel().close();
                } else {
                    next(ctx);
                }
            });
        } finally {
            req.release();
        }
    }

    private Routes.Response route(FullHttpRequest req, BasicAuth.Result authResult) {
        if (req.decoderResult().isFailure()) {
            return new Routes.Response(400, TEXT, "bad request\n");
        }
        if (authResult == BasicAuth.Result.DENIED) {
            stats.unauthorized.incrementAndGet();
            return new Routes.Response(401, TEXT, "unauthorized\n");
        }
        if (authResult == BasicAuth.Result.BUSY) {
            return new Routes.Response(503, TEXT, "too many authentication attempts\n");
        }
        if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
            return new Routes.Response(405, TEXT, "method not allowed\n");
        }
        QueryStringDecoder q = new QueryStringDecoder(req.uri());
        Function<Routes.Request, Routes.Response> route = routes.find(q.path());
        if (route == null) {
            return new Routes.Response(404, TEXT, "not found\n");
        }
        Map<String, String> params = new HashMap<>();
        q.parameters().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
        try {
            return route.apply(new Routes.Request(q.path(), params));
        } catch (RuntimeException e) {
            LOG.warn("rendering {} failed: {}", q.path(), e.toString(), e);
            return new Routes.Response(500, TEXT, "internal error\n");
        }
    }

    /** {@code gzip} listed with a non-zero weight (q=0 means "not this one"). */
    static boolean acceptsGzip(String header) {
        if (header == null) {
            return false;
        }
        for (String part : header.split(",")) {
            List<String> p = List.of(part.trim().split(";"));
            if (p.get(0).trim().equalsIgnoreCase("gzip")) {
                return p.stream().skip(1).map(String::trim).noneMatch(x -> x.matches("q=0(\\.0*)?"));
            }
        }
        return false;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            stats.idleClosed.incrementAndGet();
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        pending.forEach(FullHttpRequest::release);
        pending.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("http connection error: {}", cause.toString());
        ctx.close();
    }
}
