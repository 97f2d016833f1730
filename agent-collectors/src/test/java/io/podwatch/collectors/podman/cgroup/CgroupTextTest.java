package io.podwatch.collectors.podman.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CgroupTextTest {
    @Test
    void singleValues() {
        assertThat(CgroupText.single("42\n")).isEqualTo(42);
        assertThat(CgroupText.single("max\n")).isEqualTo(-1);
        assertThat(CgroupText.single(null)).isNaN();
    }

    @Test
    void keyedPicksOnlyTheWantedKeys() {
        double[] v = CgroupText.keyed("cache 4096\nrss 172032\ntotal_rss 9\nodd -1\n", "rss", "missing", "odd", "total_rss");
        assertThat(v[0]).isEqualTo(172032);
        assertThat(v[1]).isNaN();
        assertThat(v[2]).isEqualTo(-1);
        assertThat(v[3]).isEqualTo(9);
        assertThat(CgroupText.keyed(null, "rss")[0]).isNaN();
    }

    @Test
    void blkioWithOnlyTheTotalLineIsZero() {
        // what this VM's kernel reports for every container
        assertThat(CgroupText.blkioReadWrite("Total 0\n")).containsExactly(0, 0);
    }

    @Test
    void procCgroupMapsJointControllers() {
        var m = CgroupText.procCgroup("4:cpu,cpuacct:/a/b\n3:memory:/a/b\n0::/u\n");
        assertThat(m).containsEntry("cpu", "/a/b").containsEntry("cpuacct", "/a/b").containsEntry("", "/u");
    }
}
