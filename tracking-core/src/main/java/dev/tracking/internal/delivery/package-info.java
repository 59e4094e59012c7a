/**
 * The in-memory delivery pipeline (not API): one {@code DestinationLane} per destination holds its bounded
 * {@code DeliveryQueue} (a {@code MessageRing} with {@code FlushBarriers}) and its daemon sender threads, each in a
 * {@code SenderSlot} that a replacement takes over; {@code RequestGroups} and {@code BatchDelivery} send a batch,
 * retrying by the delivery timeout ({@code Backoff}), and count and report each outcome ({@code DeliveryCounters},
 * {@code FailureLog}, {@code ListenerChain}). The outbox's relays send through the same {@code BatchDelivery}, and
 * its threads stop at close as the senders do ({@code ThreadStop}).
 * Nothing here knows the tracker or the outbox.
 */
package dev.tracking.internal.delivery;
