package io.hookgate.reliability;

import io.hookgate.reliability.HostileEndpoint.Kind;
import io.hookgate.reliability.HostileEndpointsReliabilityIT.Outcome;
import io.hookgate.reliability.HostileGroups.Expectation;
import io.hookgate.support.Receiver;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;

/** Scenario 7's figures and pass condition: counts, and the healthy p99 as a ratio of its own baseline. */
final class HostileVerdict {

    private HostileVerdict() {
    }

    static void record(Ledger ledger, Outcome o, Receiver canary, Map<Kind, HostileEndpoint> hostile,
            HostileGroups groups, Receiver unreached) throws Exception {
        long baseP99 = Ledger.percentile(o.baseline(), 99);
        long fireP99 = Ledger.percentile(o.underFire(), 99);
        long bound = HostileEndpointsReliabilityIT.P99_FACTOR * baseP99 + HostileEndpointsReliabilityIT.P99_SLACK_MS;
        HostileEndpoint recovering = hostile.get(Kind.RECOVERING);
        long drainMillis = recovering == null ? -1 : recovering.drainMillis();
        long recoveryBound = HostileEndpointsReliabilityIT.OPEN_FOR.plusSeconds(10).toMillis();
        Figures base = ledger.figures();
        Figures f = new Figures(base.scenario(), base.expected(), base.received(), base.uniqueDelivered(),
                base.deadLettered(), base.invalidSignatures(), base.verified(), base.deliveriesPerSecond(),
                Ledger.percentile(o.underFire(), 50), fireP99, base.notes())
                .with("healthy_endpoints", HostileEndpointsReliabilityIT.HEALTHY)
                .with("hostile_subscriptions", o.expected().size())
                .with("hostile_kinds", hostile.keySet().stream().map(Kind::name).toList())
                .with("baseline_e2e_p50_ms", Ledger.percentile(o.baseline(), 50)).with("baseline_e2e_p99_ms", baseP99)
                .with("under_fire_e2e_p99_ms", fireP99).with("p99_bound_ms", bound)
                .with("under_fire_e2e_p90_ms", Ledger.percentile(o.underFire(), 90))
                .with("under_fire_slowest_id_ms", o.slowestUnderFire())
                .with("after_e2e_p50_ms", Ledger.percentile(o.afterward(), 50))
                .with("after_e2e_p99_ms", Ledger.percentile(o.afterward(), 99))
                .with("canary_connections", canary.connections())
                .with("recovering_backlog_drain_ms", drainMillis)
                .with("tenant_b_max_hanging_at_once", groups.manyHanging.maxHanging())
                .with("unreached_posts", unreached.requests().size())
                .with("baseline_max_rss_mib", o.baseMax()[0]).with("under_fire_max_rss_mib", o.fireMax()[0])
                .with("baseline_max_sockets", o.baseMax()[1]).with("under_fire_max_sockets", o.fireMax()[1])
                .with("baseline_max_threads", o.baseMax()[2]).with("under_fire_max_threads", o.fireMax()[2])
                .with("hostile_api_status_error", byLabel(o.api(), o.expected()))
                .with("hostile_dlq_last_error", byLabel(o.dlqReasons(), o.expected()))
                .with("hostile_load_reached_before_measuring", o.hostileLoadReached())
                .with("completed_in_time", o.completedInTime());
        Verdict.record(f, soft -> {
            soft.assertThat(fireP99).as("healthy p99 under fire vs 3 x baseline + 200 ms").isLessThanOrEqualTo(bound);
            soft.assertThat(o.hostileLoadReached()).as("tenant B at its share, the burst failed, before measuring")
                    .isTrue();
            soft.assertThat(canary.connections()).as("canary connections").isZero();
            soft.assertThat(unreached.requests()).as("requests to black-holed names").isEmpty();
            soft.assertThat(o.fireMax()[0]).as("RSS MiB")
                    .isLessThanOrEqualTo(o.baseMax()[0] + HostileEndpointsReliabilityIT.RSS_GROWTH_MIB);
            soft.assertThat(o.fireMax()[1]).as("open sockets")
                    .isLessThanOrEqualTo(o.baseMax()[1] + 2L * HostileEndpointsReliabilityIT.GLOBAL_CAP);
            soft.assertThat(o.fireMax()[2]).as("threads (no thread waits for DNS or a hanging endpoint)")
                    .isLessThanOrEqualTo(o.baseMax()[2] + HostileEndpointsReliabilityIT.THREAD_GROWTH);
            soft.assertThat(groups.manyHanging.maxHanging()).as("tenant B's requests in flight at once")
                    .isLessThanOrEqualTo(HostileEndpointsReliabilityIT.TENANT_SHARE);
            soft.assertThat(f.duplicates()).as("healthy duplicates").isZero();
            soft.assertThat(f.deadLettered()).as("healthy dead-lettered").isZero();
            if (recovering != null) {
                soft.assertThat(drainMillis).as("backlog drain after the probe, ms").isBetween(0L, recoveryBound);
            }
            outcomes(soft, o);
            HostileEndpoint endless = hostile.get(Kind.ENDLESS_BODY);
            if (endless != null) {
                long perPost = endless.endlessBytes.get() / Math.max(1, endless.posts.get());
                soft.assertThat(perPost).as("endless body bytes written per request").isLessThan(4L << 20);
            }
        });
    }

    /** Every hostile subscription ends exactly as expected in the API, and the DLQ holds exactly its failures. */
    private static void outcomes(SoftAssertions soft, Outcome o) {
        o.expected().forEach((id, e) -> {
            Map<String, Integer> api = o.api().getOrDefault(id, Map.of());
            Map<String, Integer> dlq = o.dlqReasons().getOrDefault(id, Map.of());
            if (e.statusError() == null) {
                soft.assertThat(api).as(e.label() + " deliveries").containsKey("failed/status_410");
                soft.assertThat(api.keySet()).as(e.label() + " deliveries")
                        .isSubsetOf("failed/status_410", "failed/subscription_disabled");
                soft.assertThat(dlq).as(e.label() + " DLQ last_error").isEqualTo(failuresOf(api));
            } else {
                soft.assertThat(api).as(e.label() + " deliveries (status/last_error)").isEqualTo(e.statusError());
                soft.assertThat(dlq).as(e.label() + " DLQ last_error").isEqualTo(failuresOf(e.statusError()));
            }
        });
    }

    private static Map<String, Integer> failuresOf(Map<String, Integer> statusError) {
        Map<String, Integer> out = new TreeMap<>();
        statusError.forEach((s, n) -> {
            if (s.startsWith("failed/")) {
                out.merge(s.substring("failed/".length()), n, Integer::sum);
            }
        });
        return out;
    }

    /** Per label (kind), the summed counts of its subscriptions, for the report. */
    private static Map<String, Map<String, Integer>> byLabel(Map<String, Map<String, Integer>> byId,
            Map<String, Expectation> expected) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        byId.forEach((id, counts) -> {
            Expectation e = expected.get(id);
            if (e != null) {
                counts.forEach((k, n) -> out.computeIfAbsent(e.label(), x -> new TreeMap<>()).merge(k, n, Integer::sum));
            }
        });
        return out;
    }
}
