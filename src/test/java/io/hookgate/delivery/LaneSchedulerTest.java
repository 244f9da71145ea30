package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.delivery.policy.CircuitBreaker;
import io.hookgate.delivery.policy.EndpointLimit;
import io.hookgate.support.MutableClock;
import io.hookgate.delivery.LaneActions.Started;
import io.hookgate.delivery.policy.InFlightLimiter;
import io.hookgate.egress.UrlPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LaneSchedulerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(NOW);
    private final Set<UUID> disabled = new HashSet<>();
    private final UUID tenant = UUID.randomUUID();
    private final UUID sub = UUID.randomUUID();

    private LaneScheduler scheduler(int perEndpoint, int perHost, int perTenant, int global, boolean breakers) {
        return scheduler(perEndpoint, perEndpoint, new InFlightLimiter.Caps(perHost, perTenant, global), breakers);
    }

    /** Default shared caps, no breaker: the endpoint limit alone decides. */
    private LaneScheduler adaptive(int floor, int ceiling) {
        return scheduler(floor, ceiling, new InFlightLimiter.Caps(64, 256, 512), false);
    }

    private LaneScheduler scheduler(int floor, int ceiling, InFlightLimiter.Caps caps, boolean breakers) {
        LaneScheduler.Settings settings = new LaneScheduler.Settings(floor, ceiling, caps, Duration.ofSeconds(20),
                Duration.ofMinutes(10));
        CircuitBreaker.Settings breaker = new CircuitBreaker.Settings(0.7, 10, 20, Duration.ofMinutes(5), OPEN_FOR);
        UrlPolicy policy = new UrlPolicy(true);
        return new LaneScheduler(settings, new EndpointBreakers(clock, breakers, breaker),
                url -> Endpoint.of(policy.parse(url)), disabled::contains, clock);
    }

    /** Keeps work waiting on one URL, answering every attempt after 1 ms with {@code code}; the most in flight. */
    private int mostInFlight(LaneScheduler lanes, List<Started> running, int code, int rounds) {
        int most = 0;
        for (int i = 0; i < rounds; i++) {
            running.addAll(lanes.offer(rows("https://fast.example/hook", 32)).starts);
            most = Math.max(most, lanes.book().inFlight());
            clock.advance(Duration.ofMillis(1));
            List<Started> answered = List.copyOf(running);
            running.clear();
            answered.forEach(s -> running.addAll(lanes.finished(s, status(code)).starts));
        }
        return most;
    }

    @Test
    void aFastLaneWithWorkWaitingRunsAboveItsFloorAndFallsBackToItWhenTheEndpointFails() {
        LaneScheduler lanes = adaptive(2, 16);
        List<Started> running = new java.util.ArrayList<>();

        assertThat(mostInFlight(lanes, running, 204, 200)).as("grown while answers stay fast").isEqualTo(16);
        mostInFlight(lanes, running, 503, 3);

        assertThat(mostInFlight(lanes, running, 503, 50)).as("back at the floor once failing").isEqualTo(2);
    }

    private ClaimedDelivery row(String url, UUID subscription, UUID tenantId, String status, Duration expireAfter) {
        var s = new ClaimedDelivery.Subscription(url, io.hookgate.subscription.SubscriptionFormat.STANDARD, status, 1, new byte[0], null, null, null, null,
                expireAfter);
        return new ClaimedDelivery(UUID.randomUUID(), "evt", subscription, tenantId, "chat.message", 0, 0,
                clock.instant(), null, clock.instant(), clock.instant().plusSeconds(60), s,
                new ClaimedDelivery.Event(clock.instant().toString(), "{}"));
    }

    private ClaimedDelivery row(String url) {
        return row(url, sub, tenant, "active", null);
    }

    private List<ClaimedDelivery> rows(String url, int n) {
        return IntStream.range(0, n).mapToObj(i -> row(url)).toList();
    }

    private static AttemptResult status(int code) {
        return AttemptResult.response(NOW, Duration.ZERO, code, Optional.empty(), "", new byte[0]);
    }

    @Test
    void startsUpToTheEndpointLimitQueuesBehindItAndHandsBackTheRestWithTheirDueTime() {
        LaneScheduler lanes = scheduler(2, 64, 256, 512, true);

        LaneActions a = lanes.offer(rows("https://a.example/hook", 10));

        assertThat(a.starts).hasSize(2);
        assertThat(lanes.book().queued()).isEqualTo(2);
        assertThat(a.declined).isEqualTo(6);
        assertThat(a.postponed).allSatisfy(p -> {
            assertThat(p.held()).isFalse();
            assertThat(p.at()).isEqualTo(p.delivery().dueAt());
        });
        assertThat(lanes.exclusions().urls()).containsExactly("https://a.example/hook");
    }

    @Test
    void aFinishedAttemptStartsTheQueuedHeadAndTheLaneIsClaimableAgainOnceItCanStart() {
        LaneScheduler lanes = scheduler(1, 64, 256, 512, true);
        LaneActions first = lanes.offer(rows("https://a.example/hook", 2));

        LaneActions next = lanes.finished(first.starts.get(0), status(204));

        assertThat(next.starts).hasSize(1);
        assertThat(lanes.exclusions().urls()).as("one in flight, at its limit").isNotEmpty();
        lanes.finished(next.starts.get(0), status(204));
        assertThat(lanes.exclusions().urls()).isEmpty();
    }

    @Test
    void anOpeningBreakerHoldsTheQueueInTheStoreAndWakesAClaimForTheProbe() {
        String url = "https://a.example/hook";
        LaneScheduler fresh = scheduler(1, 64, 256, 512, true);
        LaneActions opened = null;
        Started running = fresh.offer(rows(url, 2)).starts.get(0);
        for (int i = 0; i < 20 && opened == null; i++) {
            LaneActions after = fresh.finished(running, status(500));
            if (after.wakeAt() != null) {
                opened = after;
            } else {
                running = after.starts.get(0);
                fresh.offer(List.of(row(url)));
            }
        }
        assertThat(opened).isNotNull();
        assertThat(opened.wakeAt()).isEqualTo(clock.instant().plus(OPEN_FOR));
        assertThat(opened.postponed).isNotEmpty().allSatisfy(p -> {
            assertThat(p.held()).isTrue();
            assertThat(p.at()).isEqualTo(clock.instant().plus(OPEN_FOR));
        });
        assertThat(opened.retimes).extracting(LaneActions.Retime::urls).containsExactly(List.of(url));
        assertThat(fresh.book().queued()).isZero();
    }

    @Test
    void whileOpenRowsAreHeldWithoutAnAttemptAndAGoodProbeReleasesTheHeldRowsAtOnce() {
        LaneScheduler lanes = scheduler(1, 64, 256, 512, true);
        String url = "https://a.example/hook";
        Started running = lanes.offer(List.of(row(url))).starts.get(0);
        for (int i = 0; i < 20; i++) {
            LaneActions after = lanes.finished(running, status(503));
            if (after.wakeAt() != null) {
                break;
            }
            running = lanes.offer(List.of(row(url))).starts.get(0);
        }
        LaneActions held = lanes.offer(rows(url, 3));
        assertThat(held.starts).isEmpty();
        assertThat(held.postponed).hasSize(3).allMatch(LaneActions.Postponement::held);

        clock.advance(OPEN_FOR);
        LaneActions probe = lanes.offer(rows(url, 3));
        assertThat(probe.starts).as("exactly one probe").hasSize(1);
        assertThat(probe.postponed).hasSize(2).allMatch(LaneActions.Postponement::held);

        LaneActions closed = lanes.finished(probe.starts.get(0), status(204));
        assertThat(closed.retimes).singleElement().satisfies(r -> assertThat(r.at()).isEqualTo(clock.instant()));
        assertThat(closed.wakeAt()).isEqualTo(clock.instant());
        assertThat(lanes.offer(rows(url, 1)).starts).hasSize(1);
    }

    @Test
    void withTheBreakerDisabledNothingIsEverHeld() {
        LaneScheduler lanes = scheduler(1, 64, 256, 512, false);
        String url = "https://a.example/hook";
        Started running = lanes.offer(List.of(row(url))).starts.get(0);
        for (int i = 0; i < 100; i++) {
            LaneActions after = lanes.finished(running, status(500));
            assertThat(after.postponed).isEmpty();
            assertThat(after.wakeAt()).isNull();
            running = lanes.offer(List.of(row(url))).starts.get(0);
        }
        assertThat(lanes.exclusions().urls()).containsExactly(url);
    }

    @Test
    void rowsOfADisabledSubscriptionOrPastTheirExpiryFailWithoutStarting() {
        LaneScheduler lanes = scheduler(8, 64, 256, 512, true);
        ClaimedDelivery off = row("https://a.example/hook", sub, tenant, "disabled", null);
        ClaimedDelivery stale = row("https://a.example/hook", sub, tenant, "active", Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(2));

        LaneActions a = lanes.offer(List.of(off, stale));

        assertThat(a.starts).isEmpty();
        assertThat(a.disabled).containsExactly(off);
        assertThat(a.expired).containsExactly(stale);
    }

    @Test
    void queuedRowsOfASubscriptionDisabledMeanwhileAreDroppedAndExpiredOnesFail() {
        LaneScheduler lanes = scheduler(2, 64, 256, 512, true);
        UUID other = UUID.randomUUID();
        LaneActions a = lanes.offer(List.of(row("https://a.example/hook"), row("https://a.example/hook"),
                row("https://a.example/hook", other, tenant, "active", null),
                row("https://a.example/hook", sub, tenant, "active", Duration.ofSeconds(5))));
        disabled.add(other);
        clock.advance(Duration.ofSeconds(6));

        LaneActions next = lanes.finished(a.starts.get(0), status(204));

        assertThat(next.starts).isEmpty();
        assertThat(next.postponed).isEmpty();
        assertThat(next.expired).hasSize(1);
        assertThat(lanes.book().queued()).isZero();
    }

    @Test
    void rowsReadBeforeTheirSubscriptionWasDisabledHereAreDroppedNotSent() {
        LaneScheduler lanes = scheduler(8, 64, 256, 512, true);
        disabled.add(sub);

        LaneActions a = lanes.offer(rows("https://a.example/hook", 2));

        assertThat(a.isEmpty()).isTrue();
        assertThat(lanes.book().inFlight()).isZero();
    }

    @Test
    void aTenantAtItsShareIsSkippedByClaimsWhileAnotherTenantStillStarts() {
        LaneScheduler lanes = scheduler(8, 64, 4, 512, true);
        UUID noisy = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            lanes.offer(List.of(row("https://h" + i + ".example/hook", UUID.randomUUID(), noisy, "active", null)));
        }

        assertThat(lanes.exclusions().tenants()).containsExactly(noisy);
        LaneActions other = lanes.offer(List.of(row("https://h0.example/hook", sub, tenant, "active", null)));
        assertThat(other.starts).hasSize(1);
    }

    @Test
    void manyUrlsOnOneHostShareTheHostCeiling() {
        LaneScheduler lanes = scheduler(8, 10, 256, 512, true);
        int started = 0;
        for (int i = 0; i < 5; i++) {
            started += lanes.offer(rows("https://same.example/p" + i, 8)).starts.size();
        }
        assertThat(started).isEqualTo(10);
        assertThat(lanes.offer(rows("https://other.example/p", 1)).starts).hasSize(1);
    }

    @Test
    void unicodeHostsAreLanesOfTheirOwnAndSpellingsOfOneUrlShareOne() {
        LaneScheduler lanes = scheduler(1, 64, 256, 512, true);

        assertThat(lanes.offer(List.of(row("https://bücher.example/h"))).starts).hasSize(1);
        assertThat(lanes.offer(List.of(row("https://hängt.example/h"))).starts).as("another IDN host").hasSize(1);
        assertThat(lanes.offer(List.of(row("https://XN--BCHER-KVA.example:443/h"))).starts)
                .as("the first one again, spelled in ASCII").isEmpty();
        assertThat(lanes.offer(List.of(row("https://bücher.example/h?x=1"))).starts).as("another query").hasSize(1);
    }

    @Test
    void anIdleLaneThatTurnedARowDownForItsFullHostIsSkippedByClaimsUntilTheHostFrees() {
        LaneScheduler lanes = scheduler(1, 1, 256, 512, true);
        List<Started> busy = lanes.offer(rows("https://shared.example/a", 2)).starts;

        assertThat(lanes.offer(List.of(row("https://shared.example/b"))).declined).as("host full, its queue too").isOne();

        assertThat(lanes.exclusions().urls()).as("else every claim spends its room on that row again")
                .contains("https://shared.example/b");
        List<Started> next = lanes.finished(busy.get(0), status(204)).starts;
        assertThat(lanes.exclusions().urls()).as("the host is full again").contains("https://shared.example/b");
        lanes.finished(next.get(0), status(204));
        lanes.sweep();
        assertThat(lanes.exclusions().urls()).as("the host has room").doesNotContain("https://shared.example/b");
    }

    @Test
    void aUrlChangeMovesTheSubscriptionOutOfItsOldLane() {
        LaneScheduler lanes = scheduler(1, 64, 256, 512, true);
        lanes.offer(rows("https://old.example/hook", 3));
        assertThat(lanes.handoffRooms()).containsOnlyKeys(sub);
        assertThat(new Handoff(10, lanes.handoffRooms(), Duration.ofSeconds(60), "me").take(sub))
                .as("full: one in flight, one queued").isFalse();

        lanes.offer(List.of(row("https://new.example/hook")));

        assertThat(lanes.book().laneOf(sub).urls).containsExactly("https://new.example/hook");
    }

    @Test
    void queuedRowsWhoseLeaseRunsShortGoBackAndIdleLanesAreForgottenWithTheirBindings() {
        LaneScheduler lanes = scheduler(1, 64, 256, 512, true);
        LaneActions a = lanes.offer(rows("https://a.example/hook", 2));
        clock.advance(Duration.ofSeconds(40));

        assertThat(lanes.sweep().postponed).hasSize(1);
        lanes.finished(a.starts.get(0), status(204));
        clock.advance(Duration.ofMinutes(11));
        lanes.sweep();

        assertThat(lanes.book().size()).isZero();
        assertThat(lanes.book().bindings()).isZero();
    }

    @Test
    void aWaitingLaneStartsWhenAnotherLaneFreesTheSharedSlot() {
        LaneScheduler lanes = scheduler(2, 2, 2, 2, true);
        LaneActions a = lanes.offer(rows("https://a.example/hook", 2));
        LaneActions b = lanes.offer(rows("https://b.example/hook", 1));
        assertThat(b.starts).isEmpty();

        LaneActions freed = lanes.finished(a.starts.get(0), status(204));

        assertThat(freed.starts).singleElement()
                .satisfies(s -> assertThat(s.lane().endpoint.key()).isEqualTo("https://b.example:443/hook"));
    }

    @Test
    void aFastEndpointMayQueueAboutASecondOfWorkAndAHangingOneNoMoreThanItsLimit() {
        Lane fast = new Lane(Endpoint.of(new UrlPolicy(true).parse("https://f.example/")), new EndpointLimit(8), NOW);
        Lane hanging = new Lane(Endpoint.of(new UrlPolicy(true).parse("https://h.example/")), new EndpointLimit(8), NOW);
        fast.recordLatency(Duration.ofMillis(50));
        hanging.recordLatency(Duration.ofSeconds(15));

        assertThat(fast.queueBound()).isEqualTo(160);
        assertThat(hanging.queueBound()).isEqualTo(8);
    }
}
