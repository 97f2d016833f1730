package io.podwatch.core.alert;

/**
 * Where the pipeline hands a notification for one sink. Implemented by the sink's dispatcher,
 * which stores it durably (the outbox) before {@code submit} returns and delivers it on its own
 * thread. Called on the processing thread; may block briefly for the disk write — that is the
 * back-pressure the no-loss promise needs — but never for the network.
 */
public interface NotificationQueue {
    /** The sink's name, used in notifications and metric labels. */
    String sink();

    void submit(Notification notification);
}
