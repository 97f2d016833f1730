package io.podwatch.collectors.podman.cgroup;

import io.podwatch.collectors.podman.stats.ContainerStats;
import java.io.IOException;
import java.nio.file.Path;

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
        double[] cpu = CgroupText.keyed(cpuText, "usage_usec", "user_usec", "system_usec", "nr_periods",
                "nr_throttled", "throttled_usec");
        b.cpu(cpu[0] / 1e6, cpu[1] / 1e6, cpu[2] / 1e6);
        b.throttling(cpu[3], cpu[4], cpu[5] / 1e6);
        double mem = CgroupText.single(memCurrent.read());
        double[] stat = CgroupText.keyed(memStat.read(), "inactive_file", "anon", "file");
        b.memory(mem, workingSet(mem, stat[0]), stat[1], stat[2]);
        b.oomKills(CgroupText.keyed(memEvents.read(), "oom_kill")[0]);
        double[] io = CgroupText.ioStatReadWrite(ioStat.read());
        b.blockIo(io[0], io[1]);
        double max = CgroupText.single(pidsMax.read());
        b.pids(CgroupText.single(pidsCurrent.read()), max < 0 ? 0 : max);
        return true;
    }
}
