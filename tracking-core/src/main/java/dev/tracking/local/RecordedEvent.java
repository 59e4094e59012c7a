package dev.tracking.local;

import dev.tracking.ActivationMessage;
import dev.tracking.BillingStatusMessage;
import dev.tracking.IdentifyMessage;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One message as the local backend received it: an immutable snapshot for tests, debugging and demo pages.
 *
 * @param sequence the order of receipt, starting at 1
 * @param id the message's id
 * @param type {@value #TRACK}, {@value #IDENTIFY}, {@value #ACTIVATION} or {@value #BILLING_STATUS}
 * @param name the event name for {@code track}, the stage ({@code activated}) for {@code activation}, the
 *     status ({@code paid}) for {@code billing_status}, and {@code identify} for {@code identify}
 * @param identity who it is about
 * @param properties the event's properties, or the user traits of an identify
 * @param customerTraits the customer traits of an identify, else empty
 * @param timestamp when it happened, as stamped on the message
 * @param receivedAt when the backend received it, by its clock
 */
public record RecordedEvent(long sequence, UUID id, String type, String name, Identity identity,
        Map<String, Object> properties, Map<String, Object> customerTraits, Instant timestamp, Instant receivedAt) {

    /** The type of a usage or product event. */
    public static final String TRACK = "track";
    /** The type of an identify. */
    public static final String IDENTIFY = "identify";
    /** The type of a user stage change. */
    public static final String ACTIVATION = "activation";
    /** The type of a billing status report. */
    public static final String BILLING_STATUS = "billing_status";

    static RecordedEvent of(long sequence, Message message, Instant receivedAt) {
        if (message instanceof TrackMessage track) {
            return new RecordedEvent(sequence, track.id(), TRACK, track.eventName(), track.identity(),
                    track.properties(), Map.of(), track.timestamp(), receivedAt);
        }
        if (message instanceof IdentifyMessage identify) {
            return new RecordedEvent(sequence, identify.id(), IDENTIFY, IDENTIFY, identify.identity(),
                    identify.traits(), identify.customerTraits(), identify.timestamp(), receivedAt);
        }
        if (message instanceof ActivationMessage activation) {
            return new RecordedEvent(sequence, activation.id(), ACTIVATION, activation.stage().wireName(),
                    activation.identity(), activation.properties(), Map.of(), activation.timestamp(), receivedAt);
        }
        BillingStatusMessage billing = (BillingStatusMessage) message;
        return new RecordedEvent(sequence, billing.id(), BILLING_STATUS, billing.status().wireName(),
                billing.identity(), billing.properties(), Map.of(), billing.timestamp(), receivedAt);
    }

    /** Whether this replaces {@code other} as the latest: a later timestamp, or the same one received later. */
    boolean isNewerThan(RecordedEvent other) {
        int byTimestamp = timestamp.compareTo(other.timestamp);
        return byTimestamp > 0 || byTimestamp == 0 && sequence > other.sequence;
    }
}
