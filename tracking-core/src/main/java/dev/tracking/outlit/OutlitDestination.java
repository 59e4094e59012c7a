package dev.tracking.outlit;

import dev.tracking.DeliveryOptions;
import dev.tracking.Message;
import dev.tracking.spi.Destination;
import dev.tracking.spi.SendResult;
import java.time.Clock;
import java.util.List;

/** Sends messages to Outlit's ingest API (not built yet). */
public final class OutlitDestination implements Destination {

    /** Creates the destination for {@code options}. */
    public OutlitDestination(OutlitOptions options, DeliveryOptions delivery, Clock clock) {
        throw new UnsupportedOperationException("the Outlit destination is not built yet");
    }

    @Override
    public String name() {
        return "outlit";
    }

    @Override
    public String skipReason(Message message) {
        return null;
    }

    @Override
    public SendResult send(List<Message> batch) {
        throw new UnsupportedOperationException();
    }
}
