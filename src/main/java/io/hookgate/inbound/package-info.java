/**
 * Inbound sources (contract section 12): the pure, I/O-free core.
 *
 * <ul>
 *   <li>{@code secret}: source secrets, generated and supplied, as HMAC key material;
 *   <li>{@code verify}: one verifier per source type, on the raw body bytes, constant-time;
 *   <li>{@code route}: event-name normalisation, repository extraction, route matching;
 *   <li>{@code render}: {@code chat.notifications} records from GitHub and GitLab payloads;
 *   <li>{@code envelope}: the {@code inbound.events} record;
 *   <li>{@code records}: a verified request to its envelope and notifications (uses the packages above);
 *   <li>{@code eventyay}: the checks that turn a verified eventyay POST into a {@code chat.events} record.
 * </ul>
 * This package itself holds only {@code SourceType}, which every sub-package uses, so no sub-package loops back.
 * Nothing here touches the network, the database or Kafka; see {@code docs/INBOUND.md}.
 */
package io.hookgate.inbound;
