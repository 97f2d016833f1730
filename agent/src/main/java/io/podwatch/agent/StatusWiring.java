package io.podwatch.agent;

import io.podwatch.agent.http.HttpServer;
import io.podwatch.agent.http.PrometheusExposition;
import io.podwatch.agent.http.Routes;
import io.podwatch.agent.http.StatusPages;
import io.podwatch.agent.http.api.StatusApi;
import io.podwatch.agent.http.auth.WebConfig;
import io.podwatch.agent.sink.Alerting;
import io.podwatch.agent.sink.Dispatcher;
import io.podwatch.agent.status.StatusModel;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.collect.CollectorRunner;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.durable.FileHealth;
import io.micrometer.core.instrument.Gauge;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The exposition side of the agent in one place: the status model's feeds, the routes and the HTTP server. */
final class StatusWiring {
    private StatusWiring() {
    }

    /** The inhibitions the pipeline consults, telling the status model which alerts they masked. */
    static Inhibitions observed(Inhibitions inner, StatusModel status) {
        return inner.observedBy(status::onInhibited);
    }

    static HttpServer server(AgentConfig settings, StatusModel status, Alerting alerting, CollectorRunner runner,
                             FileHealth files, PrometheusExposition exposition, String version, Clock clock)
            throws ConfigException {
        alerting.observeAlertStates(status::onAlertState);
        var meters = exposition.meters();
        Gauge.builder("podwatch.status.history", status, StatusModel::historyBytes).baseUnit("bytes")
                .description("Heap held by the status page's last-hour container charts (bounded)").register(meters);
        StatusPages pages = new StatusPages(runner::health, files);
        // the version line reads "podwatch X"; the API carries X
        StatusApi api = new StatusApi(status, new StatusApi.Sources(HostName.read(), version.replaceFirst("^podwatch ", ""),
                clock.instant(), runner::health,
                () -> alerting.dispatchers().stream().map(Dispatcher::deliveryState).toList(),
                settings.eventLog().toString()), clock);
        Map<String, Function<Routes.Request, Routes.Response>> routes = new HashMap<>(api.routes());
        routes.put("/metrics", r -> new Routes.Response(200, PrometheusExposition.contentType(), exposition.scrapeChunks()));
        routes.put("/healthz", r -> pages.healthz());
        StatusPages.assets().forEach((path, page) -> routes.put(path, r -> page.get()));
        WebConfig web = settings.webConfig().isEmpty() ? WebConfig.NONE : WebConfig.load(Path.of(settings.webConfig()));
        return new HttpServer(settings.httpListen(), new Routes(routes), web, HttpServer.Limits.DEFAULT).meters(meters);
    }
}
