package io.podwatch.core.testing;

import io.podwatch.core.alert.Notification;
import io.podwatch.core.alert.NotificationQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink queue that keeps what it is given. */
public final class RecordingQueue implements NotificationQueue {
    public final List<Notification> received = new CopyOnWriteArrayList<>();
    private final String name;

    public RecordingQueue(String name) {
        this.name = name;
    }

    @Override
    public String sink() {
        return name;
    }

    @Override
    public void submit(Notification n) {
        received.add(n);
    }
}
