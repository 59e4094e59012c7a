/**
 * The closed model of property values that every encoder writes from: the Outlit and Lotus request bodies, the
 * transactional outbox's rows, and a user's own {@link dev.tracking.spi.Destination}.
 *
 * <p>A message's properties (and traits) are taken at the call by {@link dev.tracking.value.PropertyValues#copyOf}
 * into an immutable {@link dev.tracking.value.PropertyMap} whose values are each of one
 * {@link dev.tracking.value.PropertyKind}; nested maps and lists are {@code PropertyMap} and
 * {@link dev.tracking.value.PropertyList}. An encoder classifies a value with
 * {@link dev.tracking.value.PropertyKind#of} and writes it with a {@code switch} over the kind, without a
 * {@code default} branch, so that the compiler finds every encoder a new kind would break. The snapshot knows its
 * size as UTF-8 JSON ({@link dev.tracking.value.PropertyMap#encodedBytes()}, {@link dev.tracking.value.JsonText}),
 * which is how an oversized message is refused on the caller's thread.
 */
package dev.tracking.value;
