package io.podwatch.collectors.podman.cgroup;

import io.podwatch.collectors.podman.stats.ContainerStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** cgroup v1: cpuacct, cpu (CFS throttling), memory, blkio and pids controllers. */
final class CgroupV1 extends ContainerCgroup {
    private final KeptFile usage;
    private final KeptFile usageUser;
    private final KeptFile usageSys;
    private final KeptFile cpuStat;
    private final KeptFile memUsage;
    private final KeptFile memStat;
    private final KeptFile oomControl;
    private final KeptFile blkio;
    private final KeptFile pidsCurrent;
    private final KeptFile pidsMax;

    CgroupV1(String id, long pid, KeptFile netDev, CgroupLayout layout, Map<String, String> paths) {
        super(id, pid, netDev);
        Path cpuacct = layout.v1("cpuacct", paths.get("cpuacct"));
        Path cpu = layout.v1("cpu", paths.get("cpu"));
        Path memory = layout.v1("memory", paths.get("memory"));
        usage = track(new KeptFile(cpuacct.resolve("cpuacct.usage")));
        usageUser = track(new KeptFile(cpuacct.resolve("cpuacct.usage_user")));
        usageSys = track(new KeptFile(cpuacct.resolve("cpuacct.usage_sys")));
        cpuStat = track(new KeptFile(cpu.resolve("cpu.stat")));
        memUsage = track(new KeptFile(memory.resolve("memory.usage_in_bytes")));
        memStat = track(new KeptFile(memory.resolve("memory.stat")));
        oomControl = track(new KeptFile(memory.resolve("memory.oom_control")));
        blkio = track(new KeptFile(layout.v1("blkio", paths.get("blkio"))
                .resolve("blkio.throttle.io_service_bytes_recursive")));
        Path pids = layout.v1("pids", paths.get("pids"));
        pidsCurrent = track(new KeptFile(pids.resolve("pids.current")));
        pidsMax = track(new KeptFile(pids.resolve("pids.max")));
    }

    @Override
    boolean fill(ContainerStats.Builder b) throws IOException {
        double total = CgroupText.single(usage.read());
        if (Double.isNaN(total)) {
            return false;
        }
        b.cpu(total / 1e9, CgroupText.single(usageUser.read()) / 1e9, CgroupText.single(usageSys.read()) / 1e9);
        double[] cpu = CgroupText.keyed(cpuStat.read(), "nr_periods", "nr_throttled", "throttled_time");
        b.throttling(cpu[0], cpu[1], cpu[2] / 1e9);
        double mem = CgroupText.single(memUsage.read());
        double[] stat = CgroupText.keyed(memStat.read(), "total_inactive_file", "total_rss", "total_cache");
        b.memory(mem, workingSet(mem, stat[0]), stat[1], stat[2]);
        b.oomKills(CgroupText.keyed(oomControl.read(), "oom_kill")[0]);
        double[] io = CgroupText.blkioReadWrite(blkio.read());
        b.blockIo(io[0], io[1]);
        double max = CgroupText.single(pidsMax.read());
        b.pids(CgroupText.single(pidsCurrent.read()), max < 0 ? 0 : max);
        return true;
    }
}
