package io.podwatch.collectors.audit.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Syscall number → name for the audit {@code arch=} values podwatch meets (x86_64, aarch64). The
 * tables are resources generated with {@code ausyscall <arch> --dump} (audit 3.0.9), so no libaudit
 * is needed at run time. Immutable and thread-safe once loaded.
 */
public final class Syscalls {
    /** AUDIT_ARCH_X86_64 and AUDIT_ARCH_AARCH64 as written in {@code arch=}. */
    public static final long ARCH_X86_64 = 0xc000003eL;
    public static final long ARCH_AARCH64 = 0xc00000b7L;

    private final String[] x86;
    private final String[] arm;

    private Syscalls(String[] x86, String[] arm) {
        this.x86 = x86;
        this.arm = arm;
    }

    /** Loads both tables from the class path (a few KiB). */
    public static Syscalls load() {
        return new Syscalls(read("syscalls-x86_64.tsv"), read("syscalls-aarch64.tsv"));
    }

    /** The name, or the number as text for an unknown arch or number (as ausearch prints it). */
    public String name(long arch, long number) {
        String[] table = arch == ARCH_X86_64 ? x86 : arch == ARCH_AARCH64 ? arm : null;
        if (table != null && number >= 0 && number < table.length && table[(int) number] != null) {
            return table[(int) number];
        }
        return Long.toString(number);
    }

    /** The arch name as ausearch prints it. */
    public static String archName(long arch) {
        return arch == ARCH_X86_64 ? "x86_64" : arch == ARCH_AARCH64 ? "aarch64" : Long.toHexString(arch);
    }

    private static String[] read(String resource) {
        String[] table = new String[1024];
        int max = 0;
        try (InputStream in = Syscalls.class.getResourceAsStream("/io/podwatch/collectors/audit/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("syscall table " + resource + " missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                int tab = line.indexOf('\t');
                int n = Integer.parseInt(line.substring(0, tab).trim());
                table[n] = line.substring(tab + 1).trim();
                max = Math.max(max, n + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Arrays.copyOf(table, max);
    }
}
