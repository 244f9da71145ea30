package io.hookgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU used by the infrastructure that deploy/local/infra started (PostgreSQL with all its backends,
 * the Kafka broker) and by this runner (receivers and producer), so each phase can say where the
 * machine's time went, not only the gateway's share.
 */
final class InfraCpu {

    private static final long TICK_MILLIS = 10;

    private InfraCpu() {
    }

    /** Cumulative CPU milliseconds per component; components that cannot be found are left out. */
    static Map<String, Long> snapshot() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        postmasterPid().ifPresent(pid -> cpu.put("postgresql", treeMillis(pid)));
        kafkaPid().ifPresent(pid -> cpu.put("kafka", processMillis(pid, false)));
        cpu.put("bench_runner", processMillis(ProcessHandle.current().pid(), false));
        return cpu;
    }

    private static java.util.Optional<Long> postmasterPid() {
        String data = System.getenv("HOOKGATE_LOCAL_PG_DATA");
        return data == null ? java.util.Optional.empty() : firstLine(Path.of(data, "postmaster.pid"));
    }

    private static java.util.Optional<Long> kafkaPid() {
        String file = System.getenv("HOOKGATE_LOCAL_KAFKA_PID_FILE");
        return file == null ? java.util.Optional.empty() : firstLine(Path.of(file));
    }

    private static java.util.Optional<Long> firstLine(Path file) {
        try {
            return java.util.Optional.of(Long.parseLong(Files.readAllLines(file).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The process, its exited children (cutime, cstime) and its live children: all of PostgreSQL. */
    private static long treeMillis(long pid) {
        long total = processMillis(pid, true);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String[] fields = statFields(proc.resolve("stat"));
                if (fields != null && Long.parseLong(fields[1]) == pid) {
                    total += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
                }
            }
        } catch (IOException | RuntimeException e) {
            return total;
        }
        return total;
    }

    private static long processMillis(long pid, boolean withExitedChildren) {
        String[] fields = statFields(Path.of("/proc", Long.toString(pid), "stat"));
        if (fields == null) {
            return 0;
        }
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withExitedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks * TICK_MILLIS;
    }

    /** Fields after the command name: index 0 is the state, 1 the ppid, 11/12 utime/stime, 13/14 children. */
    private static String[] statFields(Path stat) {
        try {
            String text = Files.readString(stat);
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
