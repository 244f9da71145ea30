/**
 * Outbound signatures: Standard Webhooks {@code webhook-signature} and eventyay {@code X-Eventyay-Signature}.
 *
 * <p>Secret formats ({@link io.hookgate.signing.WebhookSecret}): {@code whsec_<base64 of 24–64 bytes>} keys HMAC
 * with the decoded bytes; a raw secret (24–128 printable ASCII characters, no spaces) keys HMAC with its UTF-8
 * bytes. A receiver that verifies a raw secret with an official Standard Webhooks library must pass
 * {@code "whsec_" + base64(secret)} ({@link io.hookgate.signing.WebhookSecret#standardWebhooksForm()}), because
 * those libraries always base64-decode the secret. The eventyay header always keys with the full secret text,
 * {@code whsec_} prefix included. Both sign exactly the body bytes that are sent.
 */
package io.hookgate.signing;
