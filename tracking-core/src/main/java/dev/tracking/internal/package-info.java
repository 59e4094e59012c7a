/**
 * The engine behind {@code Tracker} (not API). At this package's root: {@code DefaultTracker}, which
 * {@code TrackerBuilder} creates, {@code MessageRouter} (size and validation on the caller's thread, then every
 * destination's lane or the outbox), {@code ObservedEntitlements} and {@code OneSendAtATime}. Its
 * sub-packages are the stages below the tracker: {@code outbox} (the transactional outbox's engine and table),
 * {@code delivery} (the in-memory pipeline and the senders), {@code http} and {@code json} (shared with the
 * vendors' packages), and {@code check} (argument checks meant for every package of the library).
 */
package dev.tracking.internal;
