package io.hookgate.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BisectionTest {

    private static final List<Integer> FIVE_HUNDRED = IntStream.range(0, 500).boxed().toList();

    @Test
    void oneBadElementAmong500CostsLogarithmicallyManySteps() {
        AtomicInteger steps = new AtomicInteger();

        Result r = run(FIVE_HUNDRED, Set.of(317), steps);

        assertThat(r.aside()).containsExactly(317);
        assertThat(r.done()).hasSize(499).doesNotContain(317);
        // ceil(log2 500) = 9 levels: a failing and a passing half at each, plus the first attempt
        assertThat(steps.get()).isLessThanOrEqualTo(2 * 9 + 1);
    }

    @Test
    void aBatchWithoutBadElementsIsOneStep() {
        AtomicInteger steps = new AtomicInteger();

        assertThat(run(FIVE_HUNDRED, Set.of(), steps).done()).hasSize(500);
        assertThat(steps.get()).isEqualTo(1);
    }

    @Test
    void severalBadElementsAreEachSetAsideAndNothingIsDoneTwiceOrLost() {
        Result r = run(FIVE_HUNDRED, Set.of(0, 7, 250, 499), new AtomicInteger());

        assertThat(r.aside()).containsExactly(0, 7, 250, 499);
        assertThat(r.done()).hasSize(496).doesNotHaveDuplicates();
    }

    @Test
    void failuresThatNoElementCausesFailTheWholeRun() {
        Uni<Result> run = Bisection.isolate(FIVE_HUNDRED, part -> Uni.createFrom().failure(new IllegalStateException()),
                Bad.class::isInstance, (e, f) -> null, Result::plus);

        assertThat(run.onFailure().recoverWithNull().await().indefinitely()).isNull();
    }

    private static Result run(List<Integer> items, Set<Integer> bad, AtomicInteger steps) {
        return Bisection.isolate(items, part -> {
            steps.incrementAndGet();
            return part.stream().anyMatch(bad::contains) ? Uni.createFrom().failure(new Bad())
                    : Uni.createFrom().item(new Result(new ArrayList<>(part), new ArrayList<>()));
        }, Bad.class::isInstance, (item, e) -> new Result(new ArrayList<>(), new ArrayList<>(List.of(item))),
                Result::plus).await().indefinitely();
    }

    private record Result(List<Integer> done, List<Integer> aside) {
        Result plus(Result other) {
            done.addAll(other.done);
            aside.addAll(other.aside);
            return this;
        }
    }

    private static final class Bad extends RuntimeException {
    }
}
