package io.hookgate.intake;

/** PostgreSQL rejected a stored batch for the data of one of its records (see {@link StoreErrors}). */
final class StoreRejectedException extends RuntimeException {

    StoreRejectedException(Throwable cause) {
        super(StoreErrors.detail(cause), cause, false, false);
    }
}
