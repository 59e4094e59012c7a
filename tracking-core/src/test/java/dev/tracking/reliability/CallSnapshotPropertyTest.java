package dev.tracking.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracking.DeliveryOptions;
import dev.tracking.Identity;
import dev.tracking.Message;
import dev.tracking.TrackMessage;
import dev.tracking.Tracker;
import dev.tracking.internal.json.JsonBuffer;
import dev.tracking.internal.json.JsonValueWriter;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile names, identities and property values through the public API: each call either throws
 * {@link IllegalArgumentException} naming the field, or its event is delivered exactly as it was at the call,
 * whatever the caller changes afterwards; the senders are alive after every try.
 */
class CallSnapshotPropertyTest {

    private static final List<String> FIELDS = List.of("eventName", "identity", "customerId", "userId", "email",
            "fingerprint", "properties", "message is too large");

    private static Recorder recorder;
    private static Tracker tracker;

    @BeforeContainer
    static void start() {
        recorder = new Recorder();
        tracker = Tracker.builder().destination(recorder).delivery(DeliveryOptions.builder()
                .flushInterval(Duration.ofMillis(50)).maxEventBytes(64 * 1024).build()).build();
    }

    @AfterContainer
    static void stop() {
        tracker.close();
        Accounting.settled(tracker);
    }

    @Property(tries = 200)
    @SuppressWarnings("unchecked")
    void propertiesAreRefusedNamingTheFieldOrDeliveredAsTheyWereAtTheCall(
            @ForAll("properties") Map<String, Object> sample) {
        Map<String, Object> properties = (Map<String, Object>) HostileValues.deepCopy(sample);
        Map<String, Object> expected;
        try {
            expected = ExpectedJson.ofProperties(properties);
        } catch (ExpectedJson.Invalid invalid) {
            expected = null;
        }
        TrackMessage message;
        try {
            message = TrackMessage.builder("e").userId("u").properties(properties).build();
            tracker.track(message);
        } catch (IllegalArgumentException refused) {
            assertNamesAField(refused);
            assertThat(expected == null || refused.getMessage().startsWith("message is too large"))
                    .as("refused although valid: %s", refused.getMessage()).isTrue();
            return;
        }
        assertThat(expected).as("accepted although it must be refused").isNotNull();
        HostileValues.mutate(properties, 0);

        assertThat(tracker.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(ExpectedJson.firstDifference(expected, ExpectedJson.parse(recorder.sent.get(message.id())), "properties"))
                .isNull();
        assertThat(Accounting.senderAlive("recorder")).isTrue();
    }

    @Property(tries = 200)
    void namesAndIdentitiesAreRefusedNamingTheFieldOrDeliveredExactly(@ForAll("texts") String name,
            @ForAll("texts") String userId, @ForAll("texts") String email, @ForAll("texts") String customerId) {
        TrackMessage message;
        try {
            message = TrackMessage.builder(name).userId(userId).email(email).customerId(customerId).build();
            tracker.track(message);
        } catch (IllegalArgumentException refused) {
            assertNamesAField(refused);
            return;
        }
        assertThat(tracker.flush(Duration.ofSeconds(30))).isTrue();
        Message delivered = recorder.messages.get(message.id());
        assertThat(((TrackMessage) delivered).eventName()).isEqualTo(name);
        assertThat(delivered.identity()).isEqualTo(new Identity(customerId, userId, email, null));
        assertThat(ExpectedJson.parse(recorder.names.get(message.id()))).isEqualTo(name);
        assertThat(Accounting.senderAlive("recorder")).isTrue();
    }

    @Provide
    Arbitrary<Map<String, Object>> properties() {
        return HostileValues.properties();
    }

    @Provide
    Arbitrary<String> texts() {
        return HostileValues.anyText().injectNull(0.2);
    }

    private static void assertNamesAField(IllegalArgumentException refused) {
        assertThat(FIELDS).as("names a field: %s", refused.getMessage())
                .anyMatch(field -> refused.getMessage().startsWith(field));
    }

    /** Encodes what it is given as the encoders do, keeping the JSON of each message's properties and name. */
    static final class Recorder implements Destination {
        final Map<UUID, String> sent = new ConcurrentHashMap<>();
        final Map<UUID, String> names = new ConcurrentHashMap<>();
        final Map<UUID, Message> messages = new ConcurrentHashMap<>();
        private final JsonBuffer json = new JsonBuffer(1024);
        private final JsonValueWriter values = new JsonValueWriter(json);

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public String skipReason(Message message) {
            return null;
        }

        @Override
        public SendResult send(List<Message> batch) {
            for (Message message : batch) {
                TrackMessage track = (TrackMessage) message;
                json.reset();
                values.object(track.properties());
                sent.put(message.id(), json.toString());
                json.reset();
                json.string(track.eventName());
                names.put(message.id(), json.toString());
                messages.put(message.id(), message);
            }
            return SendResult.delivered(batch.size());
        }
    }
}
