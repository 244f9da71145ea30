package io.hookgate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bulkhead between pull reads and the push path: a bounded number of pull statements, the rest in memory. */
class PullStatementGateTest {

    private final PullStatementGate gate = new PullStatementGate(2);
    private final List<CompletableFuture<String>> statements = new ArrayList<>();
    private final AtomicInteger started = new AtomicInteger();

    @Test
    void noMoreStatementsRunThanTheLimitAndTheNextStartsWhenOneEnds() {
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(gate.run("t", this::statement).subscribeAsCompletionStage());
        }
        assertThat(started).hasValue(2);
        assertThat(gate.queued()).isEqualTo(3);

        statements.get(0).complete("a");

        assertThat(answers.get(0)).isCompletedWithValue("a");
        assertThat(started).hasValue(3);
        assertThat(gate.running()).isEqualTo(2);
    }

    @Test
    void aFailedStatementGivesItsSlotBack() {
        CompletableFuture<String> failing = gate.run("t", this::statement).subscribeAsCompletionStage();
        gate.run("t", this::statement).subscribeAsCompletionStage();
        CompletableFuture<String> third = gate.run("t", this::statement).subscribeAsCompletionStage();

        statements.get(0).completeExceptionally(new IllegalStateException("database gone"));

        assertThat(failing).isCompletedExceptionally();
        assertThat(started).hasValue(3);
        statements.get(2).complete("c");
        assertThat(third).isCompletedWithValue("c");
    }

    @Test
    void aStatementThatThrowsBeforeStartingGivesItsSlotBack() {
        PullStatementGate one = new PullStatementGate(1);
        CompletableFuture<String> thrown = one.<String>run("t", () -> {
            throw new IllegalStateException("no statement");
        }).subscribeAsCompletionStage();
        CompletableFuture<String> next = one.run("t", () -> Uni.createFrom().item("ok")).subscribeAsCompletionStage();

        assertThat(thrown).isCompletedExceptionally();
        assertThat(next).isCompletedWithValue("ok");
        assertThat(one.running()).isZero();
    }

    @Test
    void aCallCancelledWhileQueuedNeverRunsItsStatementAndHoldsNoSlot() {
        gate.run("t", this::statement).subscribeAsCompletionStage();
        gate.run("t", this::statement).subscribeAsCompletionStage();
        Cancellable gone = gate.run("t", this::statement).subscribe().with(item -> { });
        CompletableFuture<String> after = gate.run("t", this::statement).subscribeAsCompletionStage();

        gone.cancel();
        statements.get(0).complete("a");

        assertThat(started).as("the cancelled call's statement was skipped").hasValue(3);
        statements.get(2).complete("d");
        assertThat(after).isCompletedWithValue("d");
        statements.get(1).complete("b");
        assertThat(gate.running()).isZero();
        assertThat(gate.queued()).isZero();
    }

    @Test
    void aTenantsStatementRunsAfterOneOfABusyTenantsQueuedBurstNotAfterAllOfIt() {
        for (int i = 0; i < 2 + 50; i++) {
            gate.run("busy", this::statement).subscribeAsCompletionStage();
        }
        CompletableFuture<String> quiet = gate.run("quiet", this::statement).subscribeAsCompletionStage();

        statements.get(0).complete("a");
        statements.get(1).complete("b");

        assertThat(started).as("one of the burst, then the other tenant's").hasValue(4);
        statements.get(3).complete("q");
        assertThat(quiet).isCompletedWithValue("q");
    }

    @Test
    void aLimitBelowOneNamesItsSetting() {
        assertThatThrownBy(() -> new PullStatementGate(0))
                .hasMessageContaining("hookgate.pull.max-concurrent-statements");
    }

    private Uni<String> statement() {
        started.incrementAndGet();
        CompletableFuture<String> answer = new CompletableFuture<>();
        statements.add(answer);
        return Uni.createFrom().completionStage(answer).ifNoItem().after(Duration.ofSeconds(10)).fail();
    }
}
