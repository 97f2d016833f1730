package io.podwatch.core.alert;

/**
 * Answers whether an alert is currently masked by a more fundamental one (a container in a restart
 * loop makes its CPU/memory anomalies noise). Queried on the processing thread by the pipeline and
 * by detectors that want to skip work; implementations keep plain state on that thread.
 */
@FunctionalInterface
public interface Inhibitions {
    Inhibitions NONE = alert -> false;

    boolean inhibits(Alert alert);

    /** Alerts carrying this label value are resource anomalies, the kind a restart loop inhibits. */
    String CATEGORY_LABEL = "category";
    String RESOURCE = "resource";
}
