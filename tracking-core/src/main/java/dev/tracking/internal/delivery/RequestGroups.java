package dev.tracking.internal.delivery;

import dev.tracking.Message;
import dev.tracking.spi.Destination;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits a batch by the destination's request groups ({@link Destination#requestGroup}) and delivers each group
 * as requests of its own, in the order the groups first appear.
 */
public final class RequestGroups {

    private static final Logger log = LoggerFactory.getLogger(RequestGroups.class);

    private final Destination destination;
    private final BatchDelivery delivery;

    public RequestGroups(Destination destination, BatchDelivery delivery) {
        this.destination = destination;
        this.delivery = delivery;
    }

    public void deliver(SenderSlot slot, List<Message> batch) {
        int firstGroup = groupOf(batch.get(0));
        int split = 1;
        while (split < batch.size() && groupOf(batch.get(split)) == firstGroup) {
            split++;
        }
        if (split == batch.size()) {
            delivery.deliver(slot, batch);
            return;
        }
        List<Message> sameGroup = new ArrayList<>(batch.subList(0, split));
        List<Message> others = new ArrayList<>();
        for (Message message : batch.subList(split, batch.size())) {
            (groupOf(message) == firstGroup ? sameGroup : others).add(message);
        }
        delivery.deliver(slot, sameGroup);
        deliver(slot, others);
    }

    private int groupOf(Message message) {
        try {
            return destination.requestGroup(message);
        } catch (RuntimeException | Error e) {
            log.debug("{}: requestGroup threw; using group 0", destination.name(), e);
            return 0;
        }
    }
}
