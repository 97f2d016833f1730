package io.podwatch.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dispatches GET/HEAD requests to {@link Routes}; anything else is 405, unknown paths 404. */
final class RouteHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(RouteHandler.class);
    private final Routes routes;

    RouteHandler(Routes routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        Routes.Response r;
        if (!req.method().equals(HttpMethod.GET) && !req.method().equals(HttpMethod.HEAD)) {
            r = new Routes.Response(405, "text/plain; charset=utf-8", "method not allowed\n");
        } else {
            Supplier<Routes.Response> route = routes.byPath().get(new QueryStringDecoder(req.uri()).path());
            r = route == null ? new Routes.Response(404, "text/plain; charset=utf-8", "not found\n") : render(route);
        }
        byte[] body = r.body();
        ByteBuf buf = req.method().equals(HttpMethod.HEAD) ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
        FullHttpResponse resp = new DefaultFullHttpResponse(req.protocolVersion(), HttpResponseStatus.valueOf(r.status()), buf);
        resp.headers().set(HttpHeaderNames.CONTENT_TYPE, r.contentType());
        resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        HttpUtil.setKeepAlive(resp, keepAlive);
        var f = ctx.writeAndFlush(resp);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static Routes.Response render(Supplier<Routes.Response> route) {
        try {
            return route.get();
        } catch (RuntimeException e) {
            LOG.warn("rendering failed: {}", e.toString(), e);
            return new Routes.Response(500, "text/plain; charset=utf-8", "internal error: " + e.getClass().getSimpleName() + "\n");
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("http connection error: {}", cause.toString());
        ctx.close();
    }
}
