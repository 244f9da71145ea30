package io.hookgate.inbound;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Inbound sources and the public ingest endpoint {@code /v1/inbound/{id}} ({@code hookgate.inbound.*}). */
@ConfigMapping(prefix = "hookgate.inbound")
public interface InboundConfig {

    /** Largest request body of {@code POST /v1/inbound/{id}}; larger ones get 413 before being read whole. */
    @WithDefault("1M")
    MemorySize maxBody();

    /** Base URL senders reach Hookgate at, for {@code ingest_url}; absent = the base URL of the management call. */
    Optional<String> publicUrl();

    /** Requests per second one source may receive (burst of the same size); over it: 429. */
    @WithDefault("200")
    int perSourcePerSecond();

    /** Requests per second one client address may send to the ingest endpoint (burst of the same size). */
    @WithDefault("100")
    int perClientPerSecond();

    /** Most sources and client addresses each rate limiter tracks; the least recently seen is forgotten first. */
    @WithDefault("10000")
    int trackedKeys();

    /** How long a delivery id is remembered for replay dedupe. */
    @WithDefault("24h")
    Duration dedupeWindow();

    /** How long a request waits for the broker's acknowledgement before answering 503. */
    @WithDefault("10s")
    Duration brokerTimeout();

    /** Bodies larger than this are verified on a worker thread instead of the event loop. */
    @WithDefault("64K")
    MemorySize workerThreshold();

    /** How often expired dedupe rows are deleted (in batches of 1,000). */
    @WithDefault("10m")
    Duration dedupeRetentionInterval();
}
