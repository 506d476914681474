package io.openvod.app.store;

import io.openvod.app.receipt.ReceivedEvents;
import io.openvod.app.videos.Videos;
import java.time.Clock;

/** The inbox's contract on {@link SqlReceivedEvents}, one per node. */
abstract class ReceivedEventsOnSql extends OnTwoAppNodes implements ReceivedEventsContract {
    @Override
    public ReceivedEvents events() {
        return new SqlReceivedEvents(nodes.first().jdbi(), Clock.systemUTC());
    }

    @Override
    public ReceivedEvents otherNode() {
        return new SqlReceivedEvents(nodes.second().jdbi(), Clock.systemUTC());
    }

    @Override
    public Videos videos() {
        return new SqlVideos(nodes.first().jdbi());
    }
}
