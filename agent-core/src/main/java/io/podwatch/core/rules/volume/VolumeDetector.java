package io.podwatch.core.rules.volume;

import io.podwatch.core.alert.Alert;
import io.podwatch.core.alert.Alerts;
import io.podwatch.core.model.ContainerRef;
import io.podwatch.core.model.Event;
import io.podwatch.core.model.Severity;
import io.podwatch.core.process.Detector;
import io.podwatch.core.volume.VolumeDirectory;
import io.podwatch.core.volume.VolumeFields;
import io.podwatch.core.volume.VolumeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The volume alerts, from the watcher's change events (inotify and scan: what, where, now) and the
 * audit records of podwatch's volume rules (who). An inotify finding waits briefly for its audit
 * record so the alert names the login user; audit alone raises it too (inotify off). Runs on the
 * processing thread with plain state; at most {@value #MAX_TRACKED} conditions are tracked.
 */
public final class VolumeDetector implements Detector {
    public static final String SETUID = "VolumeSetuidFile";
    public static final String EXECUTABLE = "VolumeNewExecutable";
    public static final String MASS_REWRITE = "VolumeMassRewrite";
    public static final String READ_ONLY = "VolumeReadOnlyViolation";
    static final int MAX_TRACKED = 10_000;
    private static final long EROFS = -30;
    private static final long RECENT_MS = 10_000;

    private final VolumeDirectory volumes;
    private final VolumeRuleConfig settings;
    private final MassRewrite mass;
    /** Host path → the latest audit record naming it (bounded, oldest first). */
    private final LinkedHashMap<String, Attribution> recent = new LinkedHashMap<>();
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    /** Firing per-file conditions → when last seen, in last-seen order, to resolve after quiet. */
    private final LinkedHashMap<Key, Instant> firing = new LinkedHashMap<>();

    private record Key(String alert, Map<String, String> labels) {
    }

    /** A finding waiting for its other half: the change event (what) or the audit record (who). */
    private record Pending(String alert, Severity severity, Event change, Attribution who, Event audit,
                           Instant deadline) {
        Event event() {
            return change != null ? change : audit;
        }
    }

    public VolumeDetector(VolumeDirectory volumes, VolumeRuleConfig settings) {
        this.volumes = volumes;
        this.settings = settings;
        this.mass = new MassRewrite(settings.massAbsolute(), settings.massRelative());
    }

    @Override
    public String name() {
        return "volume-rules";
    }

    @Override
    public void onEvent(Event event, Alerts alerts) {
        if (VolumeFields.SOURCE.equals(event.source())) {
            onChange(event, alerts);
        } else if ("audit".equals(event.source())) {
            String id = volumeKey(event.fields().get("auditd.key"));
            if (id != null) {
                volumes.byId(id).ifPresent(v -> onAudit(v, event, alerts));
            }
        }
    }

    private void onChange(Event e, Alerts alerts) {
        Map<String, Object> f = e.fields();
        String path = String.valueOf(f.get(VolumeFields.PATH));
        String volume = String.valueOf(f.get(VolumeFields.VOLUME_NAME));
        if (Boolean.TRUE.equals(f.get(VolumeFields.SETUID_ADDED))) {
            hold(SETUID, Severity.HIGH, e, path, alerts);
        }
        if (Boolean.TRUE.equals(f.get(VolumeFields.EXEC_ADDED))) {
            hold(EXECUTABLE, Severity.MEDIUM, e, path, alerts);
        }
        if (Boolean.TRUE.equals(f.get(VolumeFields.VOLUME_READ_ONLY))) {
            Map<String, String> a = annotations("a source every container mounts read-only was changed", e, path);
            track(alerts, new Alert(READ_ONLY, Severity.HIGH, Map.of("volume", volume, "container", "host"), a, null),
                    e.time());
        }
        if (destructive(e) && mass.add(volume, e.time().toEpochMilli())) {
            Map<String, String> a = annotations("many existing files rewritten, renamed or deleted at once "
                    + "(ransomware-like)", e, path);
            a.put("changes_10s", Long.toString(mass.count(volume)));
            a.put("baseline_10s", String.format(java.util.Locale.ROOT, "%.1f", mass.baseline(volume)));
            alerts.fire(new Alert(MASS_REWRITE, Severity.CRITICAL, Map.of("volume", volume), a, null));
        }
    }

    private static boolean destructive(Event e) {
        return switch (e.action()) {
            case VolumeFields.DELETED, VolumeFields.MOVED -> true;
            case VolumeFields.CHANGED -> Boolean.TRUE.equals(e.fields().get(VolumeFields.REWRITE));
            default -> false;
        };
    }

    /** Alerts at once when the audit record is already here or no audit rule will bring one; else waits. */
    private void hold(String alert, Severity sev, Event e, String path, Alerts alerts) {
        Pending p = pending.remove(alert + '\u0000' + path);
        Attribution who = p != null && p.who() != null ? p.who() : recent(path, e.time());
        if (who != null || !volumes.auditWatching() || settings.attributionWait().isZero()) {
            fire(alert, sev, e, path, who, alerts);
            return;
        }
        park(new Pending(alert, sev, e, null, null, e.time().plus(settings.attributionWait())), path, alerts);
    }

    /** The audit side of a finding: merged with a waiting change event, else waits for one briefly. */
    private void holdAudit(String alert, Severity sev, Event audit, String path, Attribution who, Alerts alerts) {
        Pending p = pending.remove(alert + '\u0000' + path);
        if (p != null && p.change() != null) {
            fire(alert, sev, p.change(), path, who, alerts);
        } else if (settings.attributionWait().isZero()) {
            fire(alert, sev, audit, path, who, alerts);
        } else {
            park(new Pending(alert, sev, null, who, audit, audit.time().plus(settings.attributionWait())), path,
                    alerts);
        }
    }

    private void park(Pending p, String path, Alerts alerts) {
        if (pending.size() >= MAX_TRACKED) {
            String key = pending.keySet().iterator().next();
            Pending oldest = pending.remove(key);
            fire(oldest.alert(), oldest.severity(), oldest.event(), pathOf(key), oldest.who(), alerts);
        }
        pending.put(p.alert() + '\u0000' + path, p);
    }

    private Attribution recent(String path, Instant now) {
        Attribution a = recent.get(path);
        return a != null && Math.abs(now.toEpochMilli() - a.time().toEpochMilli()) <= RECENT_MS ? a : null;
    }

    private void onAudit(VolumeView v, Event e, Alerts alerts) {
        Map<String, Object> f = e.fields();
        String containerId = e.container() == null ? String.valueOf(f.getOrDefault("container.id", ""))
                : e.container().id();
        Attribution who = Attribution.of(e);
        List<String> hostPaths = new ArrayList<>();
        for (String p : paths(f)) {
            v.hostPath(containerId, p).ifPresent(hostPaths::add);
            if (who.container() == null) {
                who = v.containerByPath(p).map(who::withContainer).orElse(who);
            }
        }
        for (String hp : hostPaths) {
            recent.remove(hp);
            recent.put(hp, who);
            for (String alert : List.of(SETUID, EXECUTABLE)) {
                Pending p = pending.get(alert + '\u0000' + hp);
                if (p != null && p.change() != null) {
                    pending.remove(alert + '\u0000' + hp);
                    fire(p.alert(), p.severity(), p.change(), hp, who, alerts);
                }
            }
        }
        while (recent.size() > MAX_TRACKED) {
            recent.remove(recent.keySet().iterator().next());
        }
        String target = hostPaths.isEmpty() ? v.source() : hostPaths.get(hostPaths.size() - 1);
        if (f.get("auditd.data.mode") instanceof Long mode && (mode & 06000) != 0) {
            holdAudit(SETUID, Severity.HIGH, e, target, who, alerts);
        }
        Optional<VolumeView.MountUse> mount = paths(f).stream().map(p -> v.mountOf(containerId, p))
                .flatMap(Optional::stream).findFirst();
        boolean erofs = f.get("auditd.data.exit") instanceof Long exit && exit == EROFS;
        if (erofs || mount.map(m -> !m.rw()).orElse(false) && "success".equals(f.get("event.outcome"))) {
            ContainerRef c = who.container();
            Map<String, String> a = annotations("a container tried to write to a read-only mount", e, target);
            a.put("volume", v.name());
            who.annotate(a);
            track(alerts, new Alert(READ_ONLY, Severity.HIGH, Map.of("volume", v.name(),
                    "container", c == null ? "host" : c.display()), a, c), e.time());
        }
    }

    private void fire(String alert, Severity sev, Event e, String path, Attribution who, Alerts alerts) {
        Map<String, Object> f = e.fields();
        String volume = String.valueOf(f.getOrDefault(VolumeFields.VOLUME_NAME, volumeName(f)));
        String what = alert.equals(SETUID) ? "a set-user-id or set-group-id file appeared in a container volume"
                : "a new executable appeared in a container volume";
        Map<String, String> a = annotations(what, e, path);
        a.put("volume", volume);
        ContainerRef c = e.container();
        if (who != null) {
            who.annotate(a);
            c = who.container() != null ? who.container() : c;
        }
        if (c != null) {
            a.put("container", c.display());
        }
        Map<String, String> labels = Map.of("volume", volume, "path", path);
        track(alerts, new Alert(alert, sev, labels, a, c), e.time());
    }

    private String volumeName(Map<String, Object> f) {
        String id = volumeKey(f.get("auditd.key"));
        return id == null ? "" : volumes.byId(id).map(VolumeView::name).orElse(id);
    }

    private void track(Alerts alerts, Alert alert, Instant when) {
        Key k = new Key(alert.name(), alert.labels());
        if (!firing.containsKey(k) && firing.size() >= MAX_TRACKED) {
            Key oldest = firing.keySet().iterator().next();
            firing.remove(oldest);
            alerts.resolve(oldest.alert(), oldest.labels());
        }
        firing.remove(k);
        firing.put(k, when);
        alerts.fire(alert);
    }

    private static Map<String, String> annotations(String summary, Event e, String path) {
        Map<String, String> a = new LinkedHashMap<>();
        Map<String, Object> f = e.fields();
        a.put("summary", summary);
        a.put("host_path", path);
        put(a, "file_mode", f.get(VolumeFields.MODE));
        put(a, "sha256", f.get(VolumeFields.SHA256));
        put(a, "header", f.get(VolumeFields.HEADER));
        put(a, "volume_source", f.get(VolumeFields.VOLUME_SOURCE));
        if (f.get(VolumeFields.CONTAINER_NAMES) instanceof Collection<?> names && !names.isEmpty()) {
            a.put("containers", String.join(",", names.stream().map(String::valueOf).toList()));
        }
        if (e.container() != null) {
            a.put("container", e.container().display());
        }
        a.put("observed_by", e.source().equals(VolumeFields.SOURCE) ? String.valueOf(f.get(VolumeFields.REASON))
                : "audit");
        return a;
    }

    private static void put(Map<String, String> a, String k, Object v) {
        if (v != null) {
            a.put(k, String.valueOf(v));
        }
    }

    /** The host path part of a pending key (alert NUL path). */
    private static String pathOf(String key) {
        return key.substring(key.indexOf('\u0000') + 1);
    }

    /** PATH names of an audit event, relative ones resolved against the process's working directory. */
    private static List<String> paths(Map<String, Object> f) {
        if (!(f.get("file.path") instanceof Collection<?> names)) {
            return List.of();
        }
        Object cwd = f.get("process.working_directory");
        List<String> out = new ArrayList<>(names.size());
        for (Object n : names) {
            String s = String.valueOf(n);
            if (!s.startsWith("/") && cwd != null) {
                s = cwd.toString().endsWith("/") ? cwd + s : cwd + "/" + s;
            }
            out.add(java.nio.file.Path.of(s).normalize().toString());
        }
        return out;
    }

    static String volumeKey(Object keys) {
        if (keys instanceof Collection<?> list) {
            for (Object k : list) {
                String id = VolumeDirectory.idOfKey(String.valueOf(k));
                if (id != null) {
                    return id;
                }
            }
            return null;
        }
        return keys == null ? null : VolumeDirectory.idOfKey(keys.toString());
    }

    @Override
    public void onTick(Instant now, Alerts alerts) {
        Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Pending> e = it.next();
            Pending p = e.getValue();
            if (p.deadline().isAfter(now)) {
                break; // insertion order is deadline order
            }
            it.remove();
            fire(p.alert(), p.severity(), p.event(), pathOf(e.getKey()), p.who(), alerts);
        }
        for (String v : mass.ended(now.toEpochMilli())) {
            alerts.resolve(MASS_REWRITE, Map.of("volume", v));
        }
        Iterator<Map.Entry<Key, Instant>> f = firing.entrySet().iterator();
        while (f.hasNext()) {
            Map.Entry<Key, Instant> e = f.next();
            if (e.getValue().plus(settings.quietPeriod()).isAfter(now)) {
                break;
            }
            f.remove();
            alerts.resolve(e.getKey().alert(), e.getKey().labels());
        }
    }
}
