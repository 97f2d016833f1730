package io.podwatch.agent.sink;

import io.podwatch.core.alert.AlertPipeline;
import io.podwatch.core.alert.AlertPipelineConfig;
import io.podwatch.core.alert.Inhibitions;
import io.podwatch.core.alert.OutboxHandoff;
import io.podwatch.core.alert.Route;
import io.podwatch.core.config.Config;
import io.podwatch.core.config.ConfigError;
import io.podwatch.core.config.ConfigException;
import io.podwatch.core.config.HostEnv;
import io.podwatch.core.lifecycle.Managed;
import io.podwatch.core.model.Event;
import io.podwatch.core.plugin.Configured;
import io.podwatch.core.process.EventSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the alerting half of the agent from its factories: the event sinks, one {@link Dispatcher}
 * per receiver and the {@link AlertPipeline} routing to them. No I/O here; {@link #managed()}
 * lists what the lifecycle starts, in order (event sinks first so dispatchers can report to them).
 */
public final class Alerting {
    private final List<EventSinkFactory.Output> eventSinks;
    private final AlertPipeline pipeline;
    private final OutboxHandoff handoff;
    private final List<Dispatcher> dispatchers;
    private final StateTee stateTee;

    /** The alert pipeline's state log: the event sinks, plus an observer such as the status page's model. */
    private static final class StateTee implements EventSink {
        private final EventSink log;
        private EventSink observer = e -> { };

        StateTee(EventSink log) {
            this.log = log;
        }

        @Override
        public void accept(Event e) {
            log.accept(e);
            observer.accept(e);
        }
    }

    private Alerting(List<EventSinkFactory.Output> eventSinks, AlertPipeline pipeline, OutboxHandoff handoff,
                     List<Dispatcher> dispatchers, StateTee stateTee) {
        this.handoff = handoff;
        this.stateTee = stateTee;
        this.eventSinks = List.copyOf(eventSinks);
        this.pipeline = pipeline;
        this.dispatchers = List.copyOf(dispatchers);
    }

    /**
     * @param context its {@code events} is ignored: the event sinks built here take its place
     * @param inhibitions rules muting alerts while others fire, e.g. {@code ContainerRestartLoop.INHIBIT}
     */
    public static Alerting create(Config c, List<Configured<EventSinkFactory<?>>> eventSinkFactories,
                                  List<Configured<ReceiverFactory<?>>> receiverFactories, SinkContext context,
                                  Inhibitions inhibitions) {
        List<EventSinkFactory.Output> events = new ArrayList<>();
        for (Configured<EventSinkFactory<?>> f : eventSinkFactories) {
            eventSink(f.factory(), f, context).ifPresent(events::add);
        }
        EventSink allEvents = fanOut(events);
        SinkContext withEvents = new SinkContext(context.clock(), context.meters(), context.stateDir(), context.env(),
                context.externalLabels(), allEvents, context.files());
        OutboxLimits limits = OutboxKeys.from(c);
        List<Route> routes = new ArrayList<>();
        List<Dispatcher> dispatchers = new ArrayList<>();
        // the outbox append + fsync happens on podwatch-alerts, not on the processing thread
        OutboxHandoff handoff = new OutboxHandoff(10_000);
        for (Configured<ReceiverFactory<?>> f : receiverFactories) {
            for (Delivery d : deliveries(f.factory(), f, withEvents)) {
                Dispatcher dispatcher = new Dispatcher(d.sink(), context.stateDir().resolve("outbox").resolve(d.sink().name()),
                        limits, d.backoff(), allEvents, context.clock(), context.meters(), context.files());
                dispatchers.add(dispatcher);
                routes.add(new Route(handoff.wrap(dispatcher), d.ratePerMinute(), d.burst(), d.digest(), d.refresh()));
            }
        }
        StateTee tee = new StateTee(allEvents);
        AlertPipeline pipeline = new AlertPipeline(AlertPipelineConfig.from(c), routes, inhibitions, tee::accept,
                context.clock(), context.meters());
        return new Alerting(events, pipeline, handoff, dispatchers, tee);
    }

    /** Reads the factories' configs (all errors at once), then builds as above. */
    public static Alerting create(Config c, HostEnv env, List<EventSinkFactory<?>> eventSinkFactories,
                                  List<ReceiverFactory<?>> receiverFactories, SinkContext context,
                                  Inhibitions inhibitions) throws ConfigException {
        List<ConfigError> errors = new ArrayList<>();
        var events = Configured.all(eventSinkFactories, c, env, errors);
        var receivers = Configured.all(receiverFactories, c, env, errors);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return create(c, events, receivers, context, inhibitions);
    }

    private static <C> java.util.Optional<EventSinkFactory.Output> eventSink(EventSinkFactory<C> f, Configured<?> c,
                                                                         SinkContext ctx) {
        return f.create(c.configFor(f), ctx);
    }

    private static <C> List<Delivery> deliveries(ReceiverFactory<C> f, Configured<?> c, SinkContext ctx) {
        return f.create(c.configFor(f), ctx);
    }

    private static EventSink fanOut(List<? extends EventSink> sinks) {
        List<EventSink> copy = List.copyOf(sinks);
        return copy.size() == 1 ? copy.get(0) : event -> copy.forEach(s -> s.accept(event));
    }

    /**
     * Where alerts go, said once at start so an operator sees at once whether anyone will be told:
     * "alerts go to webhook-0, email and the event log FILE", or "no receivers configured: alerts
     * go to the event log FILE only". Receivers are named, not shown: URLs may carry tokens.
     */
    public String destinations() {
        String logs = String.join(" and ", eventSinks.stream().map(EventSinkFactory.Output::target).toList());
        if (dispatchers.isEmpty()) {
            return "no receivers configured: alerts go to " + (logs.isEmpty() ? "nowhere" : logs + " only");
        }
        List<String> names = new ArrayList<>(dispatchers.stream().map(Dispatcher::sink).toList());
        return "alerts go to " + String.join(", ", names) + (logs.isEmpty() ? "" : " and " + logs);
    }

    /** Pass to {@code ProcessingStage} as its event sinks. */
    public List<EventSink> eventSinks() {
        return List.copyOf(eventSinks);
    }

    /** Pass to {@code ProcessingStage} as its {@code Alerts} (it ticks it after the detectors). */
    public AlertPipeline pipeline() {
        return pipeline;
    }

    /** Also hands every alert state change to {@code observer} (on the processing thread); set before start. */
    public void observeAlertStates(EventSink observer) {
        stateTee.observer = observer;
    }

    public List<Dispatcher> dispatchers() {
        return dispatchers;
    }

    /** Start order: event sinks, the dispatchers, the outbox hand-off. Add these before the processing stage. */
    public List<Managed> managed() {
        List<Managed> m = new ArrayList<>(eventSinks);
        m.addAll(dispatchers);
        m.add(handoff);
        return m;
    }
}
