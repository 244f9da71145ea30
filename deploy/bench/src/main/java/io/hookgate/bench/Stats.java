package io.hookgate.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles, medians and the 10 %–90 % sustained rate. */
public final class Stats {

    private Stats() {
    }

    /** Nearest-rank percentile of a sorted array; NaN if empty. */
    public static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /**
     * Deliveries per second between the arrival of the 10 % and the 90 % mark of the expected count;
     * NaN if fewer than 90 % arrived.
     */
    public static double sustainedRate(long[] sortedArrivalMicros, long expected) {
        int from = (int) Math.ceil(0.1 * expected) - 1;
        int to = (int) Math.ceil(0.9 * expected) - 1;
        if (expected < 10 || to >= sortedArrivalMicros.length || from < 0) {
            return Double.NaN;
        }
        long micros = sortedArrivalMicros[to] - sortedArrivalMicros[from];
        return micros <= 0 ? Double.NaN : (to - from) * 1e6 / micros;
    }

    /** Median ignoring NaN; NaN if nothing is left. */
    public static double median(List<Double> values) {
        double[] finite = values.stream().filter(v -> v != null && !v.isNaN()).mapToDouble(Double::doubleValue)
                .sorted().toArray();
        if (finite.length == 0) {
            return Double.NaN;
        }
        int mid = finite.length / 2;
        return finite.length % 2 == 1 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
    }

    public static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
