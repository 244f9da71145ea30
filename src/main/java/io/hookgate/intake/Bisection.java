package io.hookgate.intake;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs a step over a list; when it fails in a way one element can cause, runs it over each half in turn, down to
 * single elements, which are then set aside. One bad element among n costs at most 2 log2(n) + 1 steps.
 */
final class Bisection {

    private Bisection() {
    }

    /**
     * @param step what to do with a sublist
     * @param splits which failures one element can cause (others fail the whole result, for the caller to retry)
     * @param alone the result for an element that fails on its own
     * @param merge combines the results of two halves, first half first
     */
    static <T, R> Uni<R> isolate(List<T> items, Function<List<T>, Uni<R>> step, Predicate<Throwable> splits,
            BiFunction<T, Throwable, R> alone, BinaryOperator<R> merge) {
        return step.apply(items).onFailure(splits).recoverWithUni(e -> {
            if (items.size() == 1) {
                return Uni.createFrom().item(alone.apply(items.get(0), e));
            }
            int middle = items.size() / 2;
            return isolate(items.subList(0, middle), step, splits, alone, merge)
                    .chain(first -> isolate(items.subList(middle, items.size()), step, splits, alone, merge)
                            .map(second -> merge.apply(first, second)));
        });
    }
}
