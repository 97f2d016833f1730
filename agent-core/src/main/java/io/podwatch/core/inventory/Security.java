package io.podwatch.core.inventory;

import java.util.List;

/**
 * The security-relevant configuration of a container that posture checks read: read once from the
 * inspect document, tolerant of the engines' version differences. Namespace modes are lower-case,
 * as in {@code host}, {@code private}, {@code container:<id>}; capabilities in {@code SYS_ADMIN}
 * form.
 *
 * @param user {@code Config.User}, "" when the image default (often root)
 * @param createCommand the command line that created it, empty when created through the API
 */
public record Security(String user, boolean privileged, List<String> capAdd, Namespaces namespaces,
                       List<String> devices, List<PortBinding> ports, boolean readOnlyRootfs,
                       List<String> securityOpt, String appArmorProfile, List<String> createCommand) {
    public static final Security UNKNOWN = new Security("", false, List.of(), Namespaces.DEFAULT, List.of(), List.of(),
            false, List.of(), "", List.of());

    /** Namespace modes as inspect reports them. */
    public record Namespaces(String network, String pid, String ipc, String uts, String user) {
        public static final Namespaces DEFAULT = new Namespaces("", "", "", "", "");
    }

    /** A published port; {@code hostIp} empty when bound to every interface. */
    public record PortBinding(String containerPort, String hostIp, int hostPort) {
    }

    public Security {
        user = user == null ? "" : user;
        capAdd = List.copyOf(capAdd);
        namespaces = namespaces == null ? Namespaces.DEFAULT : namespaces;
        devices = List.copyOf(devices);
        ports = List.copyOf(ports);
        securityOpt = List.copyOf(securityOpt);
        appArmorProfile = appArmorProfile == null ? "" : appArmorProfile;
        createCommand = List.copyOf(createCommand);
    }
}
