/**
 * Secrets at rest: AES-256-GCM under a versioned master key ({@code hookgate.secrets.*}).
 *
 * <p>Production refuses to start without {@code hookgate.secrets.master-key}. In dev and test mode only, a
 * missing key falls back to a fixed, public dev key under version 0, with a loud WARN; rows sealed with it
 * must never reach production. To rotate the master key: move the old key to
 * {@code previous-master-keys."<old version>"}, set the new key and a higher {@code master-key-version}; new
 * seals use the new version and rows under older versions still open. Start once with
 * {@code hookgate.secrets.reseal-on-start=true} to re-seal every row under the new version; then the old key can go.
 */
package io.hookgate.secrets;
