package io.podwatch.collectors.podman.cgroup;

import io.podwatch.collectors.podman.stats.ContainerStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** cgroup v2: one directory with cpu.stat, memory.*, io.stat and pids.* files. */
final class CgroupV2 extends ContainerCgroup {
    private final KeptFile cpuStat;
    private final KeptFile memCurrent;
    private final KeptFile memStat;
    private final KeptFile memEvents;
    private final KeptFile ioStat;
    private final KeptFile pidsCurrent;
    private final KeptFile pidsMax;

    CgroupV2(String id, long pid, KeptFile netDev, Path dir) {
        super(id, pid, netDev);
        cpuStat = track(new KeptFile(dir.resolve("cpu.stat")));
        memCurrent = track(new KeptFile(dir.resolve("memory.current")));
        memStat = track(new KeptFile(dir.resolve("memory.stat")));
        memEvents = track(new KeptFile(dir.resolve("memory.events")));
        ioStat = track(new KeptFile(dir.resolve("io.stat")));
        pidsCurrent = track(new KeptFile(dir.resolve("pids.current")));
        pidsMax = track(new KeptFile(dir.resolve("pids.max")));
    }

    @Override
    boolean fill(ContainerStats.Builder b) throws IOException {
        String cpuText = cpuStat.read();
        if (cpuText == null) {
            return false;
        }
        Map<String, Double> cpu = CgroupText.flatKeyed(cpuText);
        b.cpu(or(cpu.get("usage_usec")) / 1e6, or(cpu.get("user_usec")) / 1e6, or(cpu.get("system_usec")) / 1e6);
        b.throttling(or(cpu.get("nr_periods")), or(cpu.get("nr_throttled")), or(cpu.get("throttled_usec")) / 1e6);
        double mem = CgroupText.single(memCurrent.read());
        Map<String, Double> stat = CgroupText.flatKeyed(memStat.read());
        b.memory(mem, workingSet(mem, or(stat.get("inactive_file"))), or(stat.get("anon")), or(stat.get("file")));
        b.oomKills(or(CgroupText.flatKeyed(memEvents.read()).get("oom_kill")));
        double[] io = CgroupText.ioStatReadWrite(ioStat.read());
        b.blockIo(io[0], io[1]);
        double max = CgroupText.single(pidsMax.read());
        b.pids(CgroupText.single(pidsCurrent.read()), max < 0 ? 0 : max);
        return true;
    }
}
