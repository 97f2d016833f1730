package io.podwatch.collectors.volume;

import io.podwatch.core.inventory.ContainerInfo;
import io.podwatch.core.inventory.ContainerInventory;
import java.util.ArrayList;
import java.util.List;

/**
 * Running containers' mounts from the container inventory (every engine's feed; no engine call
 * here): what the volume watcher must watch. A container listed but not yet inspected has no
 * mounts yet and is picked up once its inspect lands.
 */
public final class InventoryMountScope implements MountScope {
    private final ContainerInventory inventory;

    public InventoryMountScope(ContainerInventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public List<ContainerMounts> running() {
        List<ContainerMounts> out = new ArrayList<>();
        for (ContainerInfo c : inventory.all()) {
            if (!c.running() || !c.inspected()) {
                continue;
            }
            List<Mount> mounts = new ArrayList<>(c.mounts().size());
            for (io.podwatch.core.inventory.Mount m : c.mounts()) {
                mounts.add(new Mount(m.type(), m.name(), m.source(), m.destination(), m.rw()));
            }
            out.add(new ContainerMounts(c.ref(), mounts));
        }
        return out;
    }

    public ContainerInventory inventory() {
        return inventory;
    }
}
