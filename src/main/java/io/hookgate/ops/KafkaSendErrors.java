package io.hookgate.ops;

import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.InvalidRecordException;

/**
 * Classifies a failed Kafka send (pure). Broker and topic availability problems (timeouts, a missing topic or
 * ACL, leader changes) pass by waiting; a record the broker refuses for what it is never will.
 */
public final class KafkaSendErrors {

    private KafkaSendErrors() {
    }

    /** The record is over the producer's or the topic's size limit. */
    public static boolean tooLarge(Throwable failure) {
        return find(failure, RecordTooLargeException.class) || find(failure, RecordBatchTooLargeException.class);
    }

    /** The record itself can never be written, however long one waits. */
    public static boolean recordProblem(Throwable failure) {
        return tooLarge(failure) || find(failure, SerializationException.class)
                || find(failure, InvalidRecordException.class);
    }

    private static boolean find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (type.isInstance(e)) {
                return true;
            }
        }
        return false;
    }
}
