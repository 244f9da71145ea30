package io.hookgate.pull.wake;

/**
 * This replica already holds {@code hookgate.pull.max-waiters} long-polls and streams. The HTTP layer answers it as a
 * 503 {@code too-many-waiters} problem ({@code pull.api.TooManyWaitersMapper}); this package stays free of the API.
 */
public final class TooManyWaitersException extends RuntimeException {

    private final int max;

    public TooManyWaitersException(int max) {
        super("this gateway already holds " + max + " long-polls and streams; retry shortly or poll without wait",
                null, false, false);
        this.max = max;
    }

    /** The bound that was reached. */
    public int max() {
        return max;
    }
}
