package io.hookgate.api;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes of every request body read through JAX-RS and stops at the limit {@link BodyLimits} set. */
@Provider
public class BoundedBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getProperty(BodyLimits.PROPERTY) instanceof Long limit) {
            context.setInputStream(new Bounded(context.getInputStream(), limit));
        }
        return context.proceed();
    }

    /** Fails with a 413 problem once more than {@code limit} bytes were read. */
    static final class Bounded extends FilterInputStream {

        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw new ProblemException(413, "payload-too-large", "Content Too Large",
                        "request body is larger than " + limit / 1024 + " KiB");
            }
        }
    }
}
