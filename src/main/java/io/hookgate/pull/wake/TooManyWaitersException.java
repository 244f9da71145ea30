package io.hookgate.pull.wake;

import io.hookgate.api.ProblemException;

/** This replica already holds {@code hookgate.pull.max-waiters} long-polls and streams: 503, try again (or elsewhere). */
public final class TooManyWaitersException extends ProblemException {

    public TooManyWaitersException(int max) {
        super(503, "too-many-waiters", "Service Unavailable",
                "this gateway already holds " + max + " long-polls and streams; retry shortly or poll without wait");
    }
}
