package io.openvod.app.store;

import io.openvod.app.videos.Videos;

/** The videos' contract on {@link SqlVideos}, one per node. */
abstract class VideosOnSql extends OnTwoAppNodes implements VideosContract {
    @Override
    public Videos videos() {
        return new SqlVideos(nodes.first().jdbi());
    }

    @Override
    public Videos otherNode() {
        return new SqlVideos(nodes.second().jdbi());
    }
}
