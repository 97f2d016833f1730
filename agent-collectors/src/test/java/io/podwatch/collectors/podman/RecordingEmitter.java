package io.podwatch.collectors.podman;

import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what was emitted, for assertions; thread-safe like a real emitter. */
public final class RecordingEmitter implements Emitter {
    public final List<SampleBatch> batches = new CopyOnWriteArrayList<>();
    public final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void samples(SampleBatch batch) {
        batches.add(batch);
    }

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void eventAwait(Event event) {
        events.add(event);
    }

    public SampleBatch last() {
        return batches.get(batches.size() - 1);
    }
}
