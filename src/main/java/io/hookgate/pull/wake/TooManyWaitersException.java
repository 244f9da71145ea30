package io.hookgate.pull.wake;

/**
 * A wait refused: this replica already holds {@code hookgate.pull.max-waiters} long-polls and streams, or the
 * caller's tenant its {@code max-waiters-per-tenant}. The HTTP layer answers 503 or 429 ({@code
 * pull.api.TooManyWaitersMapper}); this package stays free of the API.
 */
public final class TooManyWaitersException extends RuntimeException {

    /** Which bound was reached. */
    public enum Bound {
        /** The replica's {@code max-waiters}: every tenant is refused until waiters end. */
        REPLICA,
        /** The tenant's {@code max-waiters-per-tenant}: only this tenant is refused. */
        TENANT
    }

    private final int max;
    private final Bound bound;

    public TooManyWaitersException(int max) {
        this(max, Bound.REPLICA);
    }

    public TooManyWaitersException(int max, Bound bound) {
        super(bound == Bound.REPLICA
                ? "this gateway already holds " + max + " long-polls and streams; retry shortly or poll without wait"
                : "this tenant already holds " + max + " long-polls and streams on this gateway; end one, or poll"
                        + " without wait", null, false, false);
        this.max = max;
        this.bound = bound;
    }

    /** The bound that was reached. */
    public int max() {
        return max;
    }

    public Bound bound() {
        return bound;
    }
}
