package io.hookgate.pull;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;

/** Live objects of this test JVM by class, from its own class histogram (taken after a full collection). */
final class LiveObjects {

    static final String REST_CONTEXT = "ResteasyReactiveRequestContext";
    static final String HTTP_REQUEST = "io.vertx.core.http.impl.Http1xServerRequest";

    private LiveObjects() {
    }

    /** Live instances per class name now. */
    static Map<String, Long> count() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> instances = new HashMap<>();
        for (String line : histogram.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                instances.merge(columns[3], Long.parseLong(columns[1]), Long::sum);
            }
        }
        return instances;
    }

    /** How many more live instances of the classes whose names contain {@code part} {@code after} has. */
    static long grown(Map<String, Long> before, Map<String, Long> after, String part) {
        return sum(after, part) - sum(before, part);
    }

    /** How many more live instances of exactly this class {@code after} has. */
    static long grownExactly(Map<String, Long> before, Map<String, Long> after, String className) {
        return after.getOrDefault(className, 0L) - before.getOrDefault(className, 0L);
    }

    private static long sum(Map<String, Long> instances, String part) {
        return instances.entrySet().stream().filter(e -> e.getKey().contains(part))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
