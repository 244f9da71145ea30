package io.hookgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The pull phase's figures in result.json and in the printed table. */
final class PullReport {

    private PullReport() {
    }

    /** The first run's pull phase, flattened into the figures. */
    static void figures(ObjectNode figures, List<JsonNode> gateways) {
        gateways.stream().map(g -> g.path("pull")).filter(JsonNode::isObject).findFirst().ifPresent(p -> {
            ObjectNode node = figures.putObject("pull");
            JsonNode idle = p.path("idle");
            for (String key : new String[] {"waiters", "waiters_registered", "open_ms", "threads_before",
                    "threads_during", "rss_before_mib", "rss_during_mib", "peak_rss_mib", "pod_limit_mib",
                    "rss_within_pod_limit", "kind", "refused", "failed", "waiters_after_close",
                    "forget_after_close_ms", "client_nice", "client_cpu_ms", "peak_answers_per_s", "stagger_s"}) {
                node.set("idle_" + key, idle.path(key));
            }
            for (String phase : new String[] {"push_without_waiters", "push_with_waiters", "push_while_held",
                    "push_over_repoll_cycle"}) {
                for (String q : new String[] {"p50", "p99", "max"}) {
                    node.set(phase + "_" + q + "_ms", idle.path(phase).path("latency_" + q + "_ms"));
                }
            }
            JsonNode wake = p.path("wake");
            for (String q : new String[] {"p50", "p99", "max"}) {
                node.set("wake_produce_to_answer_" + q + "_ms", wake.path("produce_to_answer_" + q + "_ms"));
            }
            node.set("wake_answers", wake.path("answers"));
            JsonNode tp = p.path("throughput");
            node.set("read_messages_per_s", tp.path("messages_per_s"));
            node.set("read_messages", tp.path("messages_read"));
            node.set("read_messages_expected", tp.path("messages_expected"));
            node.set("push_deliveries_per_s_meanwhile", tp.path("push").path("deliveries_per_s"));
        });
    }

    /** Push phases of the pull session whose deliveries are checked for loss like every other. */
    static List<JsonNode> checkedPhases(JsonNode gateway) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode pull = gateway.path("pull");
        for (JsonNode phase : List.of(pull.path("idle").path("push_without_waiters"),
                pull.path("idle").path("push_with_waiters"), pull.path("idle").path("push_while_held"),
                pull.path("idle").path("push_over_repoll_cycle"), pull.path("throughput").path("push"))) {
            if (phase.isObject()) {
                out.add(phase);
            }
        }
        return out;
    }

    static void print(StringBuilder out, JsonNode f) {
        JsonNode p = f.path("pull");
        if (!p.isObject()) {
            return;
        }
        line(out, "pull: idle " + p.path("idle_kind").asText("long-polls") + " held", p.path("idle_waiters_registered"),
                "of " + p.path("idle_waiters").asText() + ", opened in " + p.path("idle_open_ms").asText() + " ms");
        line(out, "pull: gateway threads before/during", p.path("idle_threads_before"),
                "during " + p.path("idle_threads_during").asText());
        line(out, "pull: RSS MiB during / peak", p.path("idle_rss_during_mib"), "peak " + p.path("idle_peak_rss_mib")
                .asText() + " <= " + p.path("idle_pod_limit_mib").asText() + " (before " + p.path("idle_rss_before_mib")
                .asText() + ")");
        line(out, "pull: push p50/p99 as opened (ms)", p.path("push_with_waiters_p50_ms"), "p99 "
                + p.path("push_with_waiters_p99_ms").asText() + "; without: p50 " + p.path("push_without_waiters_p50_ms")
                .asText() + ", p99 " + p.path("push_without_waiters_p99_ms").asText());
        line(out, "pull: push p50/p99 once held (ms)", p.path("push_while_held_p50_ms"), "p99 "
                + p.path("push_while_held_p99_ms").asText() + " (the next window, same waiters, nothing opening)");
        JsonNode cycleP99 = p.path("push_over_repoll_cycle_p99_ms");
        if (!cycleP99.isMissingNode() && !cycleP99.isNull()) {
            line(out, "pull: push p50/p99 over a re-poll cycle", p.path("push_over_repoll_cycle_p50_ms"), "p99 "
                    + cycleP99.asText() + " (one whole wait=30: every long-poll re-polls in it)");
        }
        line(out, "pull: waiters' client process nice", p.path("idle_client_nice"), "peak "
                + p.path("idle_peak_answers_per_s").asText() + " answers/s, CPU "
                + p.path("idle_client_cpu_ms").asText() + " ms (its own JVM), first polls spread over "
                + p.path("idle_stagger_s").asText() + " s");
        line(out, "pull: wake-up p50/p99 (ms)", p.path("wake_produce_to_answer_p50_ms"), "p99 "
                + p.path("wake_produce_to_answer_p99_ms").asText() + " (produce to long-poll answer)");
        line(out, "pull: messages/s read by 10", p.path("read_messages_per_s"), p.path("read_messages").asText()
                + " of " + p.path("read_messages_expected").asText() + " while push ran at "
                + p.path("push_deliveries_per_s_meanwhile").asText() + " deliveries/s");
    }

    private static void line(StringBuilder out, String name, JsonNode value, String note) {
        if (!value.isMissingNode() && !value.isNull()) {
            out.append(String.format("  %-36s %12s   %s%n", name, value.asText(), note));
        }
    }
}
