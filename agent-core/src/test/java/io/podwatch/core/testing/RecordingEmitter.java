package io.podwatch.core.testing;

import io.podwatch.core.emit.Emitter;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.SampleBatch;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link Emitter} that keeps everything handed to it, for assertions. Thread-safe. */
public final class RecordingEmitter implements Emitter {
    public final List<SampleBatch> batches = new CopyOnWriteArrayList<>();
    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final List<String> retracted = new CopyOnWriteArrayList<>();

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

    @Override
    public void retract(String source) {
        retracted.add(source);
    }

    public SampleBatch lastBatch() {
        return batches.isEmpty() ? null : batches.get(batches.size() - 1);
    }
}
