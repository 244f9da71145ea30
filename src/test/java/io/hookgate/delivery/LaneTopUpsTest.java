package io.hookgate.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookgate.delivery.LaneActions.Started;
import io.hookgate.delivery.LaneActions.TopUp;
import io.hookgate.delivery.policy.CircuitBreaker;
import io.hookgate.delivery.policy.InFlightLimiter;
import io.hookgate.egress.UrlPolicy;
import io.hookgate.support.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** When a busy lane asks the store for more of its own rows, how many, and what it leaves to other lanes. */
class LaneTopUpsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String A = "https://a.example/hook";

    private final MutableClock clock = new MutableClock(NOW);
    private final UUID tenant = UUID.randomUUID();
    private final UUID sub = UUID.randomUUID();

    private LaneScheduler scheduler(int perEndpoint, int perHost) {
        LaneScheduler.Settings settings = new LaneScheduler.Settings(perEndpoint, perEndpoint,
                new InFlightLimiter.Caps(perHost, 256, 512, 4), Duration.ofSeconds(20), Duration.ofMinutes(10));
        CircuitBreaker.Settings breaker = new CircuitBreaker.Settings(0.7, 10, 20, Duration.ofMinutes(5),
                Duration.ofSeconds(30));
        UrlPolicy policy = new UrlPolicy(true);
        return new LaneScheduler(settings, new EndpointBreakers(clock, false, breaker),
                url -> Endpoint.of(policy.parse(url)), id -> false, clock);
    }

    private ClaimedDelivery row(String url, UUID subscription) {
        return row(url, subscription, "{}");
    }

    private ClaimedDelivery row(String url, UUID subscription, String payload) {
        var s = new ClaimedDelivery.Subscription(url, io.hookgate.subscription.SubscriptionFormat.STANDARD, "active", 1,
                new byte[0], null, null, null, null, null);
        return new ClaimedDelivery(UUID.randomUUID(), "evt", subscription, tenant, "chat.message", 0, 0,
                clock.instant(), null, clock.instant(), clock.instant().plusSeconds(60), s,
                new ClaimedDelivery.Event(clock.instant().toString(), payload));
    }

    private List<ClaimedDelivery> rows(String url, UUID subscription, int n) {
        return IntStream.range(0, n).mapToObj(i -> row(url, subscription)).toList();
    }

    private static AttemptResult ok() {
        return AttemptResult.response(NOW, Duration.ZERO, 204, Optional.empty(), "", new byte[0]);
    }

    /** What the attempt ends asked for: top-ups, and the instants of claim rounds. */
    private record Finished(List<TopUp> topUps, List<Instant> wakes) {
    }

    /** Finishes the attempts one by one, 10 ms each, starting what they start and collecting what they ask for. */
    private Finished finish(LaneScheduler lanes, List<Started> running) {
        Finished asked = new Finished(new ArrayList<>(), new ArrayList<>());
        while (!running.isEmpty()) {
            clock.advance(Duration.ofMillis(10));
            LaneActions a = lanes.finished(running.remove(0), ok());
            running.addAll(a.starts);
            asked.topUps().addAll(a.topUps);
            if (a.wakeAt() != null) {
                asked.wakes().add(a.wakeAt());
            }
        }
        return asked;
    }

    private List<TopUp> finishAll(LaneScheduler lanes, List<Started> running) {
        return finish(lanes, running).topUps();
    }

    @Test
    void aLaneThatTurnedRowsDownAsksForItsOwnSubscriptionsRowsBeforeItRunsDryOneTopUpAtATime() {
        LaneScheduler lanes = scheduler(4, 64);
        LaneActions first = lanes.offer(rows(A, sub, 20));
        assertThat(first.declined).as("4 start, 4 queue").isEqualTo(12);
        List<Started> running = new ArrayList<>(first.starts);

        List<TopUp> asked = finishAll(lanes, running);

        assertThat(asked).as("one top-up while the first is unanswered").hasSize(1);
        assertThat(asked.get(0).subscriptions()).containsExactly(sub);
        assertThat(asked.get(0).count()).isGreaterThanOrEqualTo(2);
        assertThat(lanes.book().queued() + lanes.book().inFlight()).as("asked before the lane ran dry").isZero();
    }

    @Test
    void aSkippedLaneWhoseTopUpFetchesItsBacklogWakesNoClaimWhenItCanStartAgain() {
        LaneScheduler lanes = scheduler(4, 64);
        List<Started> running = new ArrayList<>(lanes.offer(rows(A, sub, 20)).starts);
        assertThat(lanes.exclusions().urls()).as("the claim skips the full lane").containsExactly(A);

        List<Instant> wakes = finish(lanes, running).wakes();

        assertThat(wakes).as("its top-up brings its rows; a claim would walk them only to skip them").isEmpty();
    }

    @Test
    void aSkippedLaneWithNoBacklogWakesAClaimOnceItCanStartAgain() {
        LaneScheduler lanes = scheduler(4, 64);
        List<Started> running = new ArrayList<>(lanes.offer(rows(A, sub, 8)).starts);
        assertThat(lanes.exclusions().urls()).as("the claim skips the full lane").containsExactly(A);

        List<Instant> wakes = finish(lanes, running).wakes();

        assertThat(wakes).as("rows of its URL may be due in the store, and only a claim finds them").isNotEmpty();
    }

    @Test
    void aFullAnswerKeepsTheLaneAskingAndAShortOneEndsItsTopUps() {
        LaneScheduler lanes = scheduler(4, 64);
        List<Started> running = new ArrayList<>(lanes.offer(rows(A, sub, 20)).starts);
        TopUp t = finishAll(lanes, new ArrayList<>(List.of(running.remove(0)))).get(0);

        LaneActions full = lanes.toppedUp(t, rows(A, sub, t.count()));
        running.addAll(full.starts);
        List<TopUp> again = new ArrayList<>(full.topUps);
        again.addAll(finishAll(lanes, running));
        assertThat(again).as("a full answer: more may be waiting").hasSize(1);

        LaneActions shortAnswer = lanes.toppedUp(again.get(0), rows(A, sub, 1));
        assertThat(finishAll(lanes, new ArrayList<>(shortAnswer.starts))).as("the store ran short").isEmpty();
    }

    @Test
    void aLaneThatNeverTurnedARowDownAsksForNothing() {
        LaneScheduler lanes = scheduler(4, 64);

        List<Started> running = new ArrayList<>(lanes.offer(rows(A, sub, 6)).starts);

        assertThat(finishAll(lanes, running)).isEmpty();
    }

    @Test
    void freshRowsTheHandoffLeftInTheStoreMakeTheirLaneAsk() {
        LaneScheduler lanes = scheduler(4, 64);
        List<Started> running = new ArrayList<>(lanes.offer(rows(A, sub, 6)).starts);

        assertThat(lanes.topUps().backlogged(Set.of(sub))).as("its own attempts' ends will ask: no claim").isFalse();
        assertThat(lanes.topUps().backlogged(Set.of(sub, UUID.randomUUID()))).as("a subscription without a lane")
                .isTrue();

        assertThat(finishAll(lanes, running)).hasSize(1);
        assertThat(lanes.topUps().backlogged(Set.of(sub))).as("an idle lane: nothing would ask").isTrue();
    }

    @Test
    void rowsLeftInTheStoreWhileATopUpWasOnItsWayOutliveThatTopUpsShortAnswer() {
        LaneScheduler lanes = scheduler(4, 64);
        List<Started> running = new ArrayList<>(lanes.offer(rows(A, sub, 20)).starts);
        TopUp onItsWay = finishAll(lanes, new ArrayList<>(List.of(running.remove(0)))).get(0);
        // the handoff stores fresh rows unleased after the top-up's statement began: its answer cannot see them
        lanes.topUps().backlogged(Set.of(sub));

        LaneActions shortAnswer = lanes.toppedUp(onItsWay, rows(A, sub, 1));
        running.addAll(shortAnswer.starts);
        List<TopUp> asked = new ArrayList<>(shortAnswer.topUps);
        asked.addAll(finishAll(lanes, running));

        assertThat(asked).as("the lane asks again for the rows its answer predates").hasSize(1);
    }

    @Test
    void aBackloggedLaneThatMayNotTopUpAsksForAClaimOnceItCouldStartARowAndOnlyOnce() {
        LaneScheduler lanes = scheduler(4, 64);
        // another lane's queued payloads take half of the memory budget: no lane may top up now
        String big = "x".repeat((int) (InFlightLimiter.MAX_QUEUED_CHARS / 2 / 4) + 1);
        List<ClaimedDelivery> heavy = IntStream.range(0, 8).mapToObj(i -> row("https://b.example/hook",
                UUID.randomUUID(), big)).toList();
        assertThat(lanes.offer(heavy).declined).as("4 start and 4 queue on b").isZero();
        LaneActions first = lanes.offer(rows(A, sub, 20));
        assertThat(first.declined).as("4 start, 4 queue, the rest stay in the store").isEqualTo(12);

        List<Started> running = new ArrayList<>(first.starts);
        List<Instant> claims = new ArrayList<>();
        while (!running.isEmpty()) {
            clock.advance(Duration.ofMillis(10));
            LaneActions a = lanes.finished(running.remove(0), ok());
            assertThat(a.topUps).as("no room for a top-up").isEmpty();
            running.addAll(a.starts);
            if (a.wakeAt() != null) {
                claims.add(a.wakeAt());
            }
        }

        assertThat(claims).as("one claim, asked for at once when the lane could start a row").hasSize(1);
        assertThat(claims.get(0)).isBeforeOrEqualTo(clock.instant());
    }

    @Test
    void aTopUpLeavesHalfOfTheHostsQueueSoAnotherLaneOnTheHostStillQueuesAndTakesTurns() {
        LaneScheduler lanes = scheduler(2, 2);
        List<Started> running = new ArrayList<>(lanes.offer(rows(A, sub, 12)).starts);
        TopUp t = finishAll(lanes, new ArrayList<>(List.of(running.remove(0)))).get(0);
        assertThat(t.count()).as("half of the host's 8 queued rows, less the one queued").isLessThanOrEqualTo(4);
        running.addAll(lanes.toppedUp(t, rows(A, sub, t.count())).starts);

        UUID other = UUID.randomUUID();
        LaneActions b = lanes.offer(rows("https://a.example/other", other, 1));

        assertThat(b.declined).as("room left for another lane of the host").isZero();
        List<Started> next = new ArrayList<>(lanes.finished(running.remove(0), ok()).starts);
        next.addAll(lanes.finished(running.remove(0), ok()).starts);
        assertThat(next).extracting(s -> s.delivery().subscriptionId()).as("lanes take turns at the host's slots")
                .containsExactly(sub, other);
    }

    @Test
    void anAnswerThatArrivesAfterShutdownBeganGoesStraightBack() {
        LaneScheduler lanes = scheduler(4, 64);
        List<Started> running = new ArrayList<>(lanes.offer(rows(A, sub, 20)).starts);
        TopUp t = finishAll(lanes, new ArrayList<>(List.of(running.remove(0)))).get(0);
        lanes.drainQueued();

        LaneActions late = lanes.toppedUp(t, rows(A, sub, 3));

        assertThat(late.starts).isEmpty();
        assertThat(late.postponed).hasSize(3).allSatisfy(p -> assertThat(p.held()).isFalse());
        assertThat(lanes.book().queued()).isZero();
    }
}
