package io.openvod.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.openvod.app.AppError;
import io.openvod.app.AppException;
import io.openvod.app.account.Account;
import io.openvod.app.account.AccountStore;
import io.openvod.app.account.Principal;
import io.openvod.app.auth.BearerAuthenticator;
import io.openvod.app.policy.UploadPolicy;
import io.openvod.app.videos.Video;
import io.openvod.app.videos.VideoState;
import io.openvod.app.videos.VideoTransitions;
import io.openvod.app.videos.VideoUrls;
import io.openvod.app.videos.Videos;
import io.openvod.app.vod.MediaDistribution;
import io.openvod.app.vod.VodApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The moderation API, for users whose role — resolved as for signatures (the per-user entry, else
 * the account's role, else the identity provider's claim, each when it names a role of
 * {@code app.policy.roles}, else the default role) — is one of {@code app.receipt.moderatorRoles};
 * anyone else gets {@code NOT_A_MODERATOR}, a banned account {@code USER_BANNED}.
 * <ul>
 *   <li>{@code GET /api/v1/moderation/queue?limit=…}: {@code pending_review} videos, oldest first (1..100,
 *       default 50), with the user, the review, the cover and the media URL: only what a person must
 *       judge (a file that is not audio or video is {@code failed}, not queued).</li>
 *   <li>{@code POST /api/v1/moderation/videos/{fileId}/approve} and {@code …/block}: the decision
 *       ({@link VideoTransitions#moderate}): {@code published} or {@code blocked}, recorded with the
 *       moderator's id; it stands against later VOD events except a deletion. {@code VIDEO_NOT_FOUND}
 *       for an unknown video, {@code VIDEO_DELETED} for a deleted one, {@code VIDEO_FAILED} for approving
 *       a {@code failed} one (it has nothing to publish; blocking it is allowed). A decision may be
 *       changed by another one.</li>
 * </ul>
 * With {@code app.receipt.forbidAtVod} the decision is first applied at the VOD
 * ({@link MediaDistribution}: {@code block} forbids the media, {@code approve} recovers it — e.g.
 * media an automatic review had forbidden); if the VOD does not take it, nothing changes and the
 * answer is {@code VOD_UNAVAILABLE}. Without it the decision is the app's only: a blocked video's
 * media stays reachable at the VOD by its URL; the app stops showing the URL.
 */
final class ModerationHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ModerationHandler.class);

    private final BearerAuthenticator authenticator;
    private final AccountStore accounts;
    private final UploadPolicy policy;
    private final Set<String> moderatorRoles;
    private final Videos videos;
    private final MediaDistribution distribution;
    private final Clock clock;
    private final VideoUrls urls;
    private final VideoTransitions transitions = new VideoTransitions();

    ModerationHandler(BearerAuthenticator authenticator, AccountStore accounts, UploadPolicy policy, List<String> moderatorRoles,
                      Videos videos, MediaDistribution distribution, Clock clock, VideoUrls urls) {
        this.urls = urls;
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.policy = policy;
        this.moderatorRoles = Set.copyOf(moderatorRoles);
        this.videos = videos;
        this.distribution = distribution;
        this.clock = clock;
    }

    void queue(Context ctx) {
        moderator(ctx);
        int limit = VideosHandler.limit(ctx.queryParam("limit"), VideosHandler.DEFAULT_LIMIT, VideosHandler.MAX_LIMIT);
        ObjectNode data = Envelope.data();
        ArrayNode list = data.putArray("videos");
        videos.inState(VideoState.PENDING_REVIEW, limit).forEach(v -> list.add(VideoJson.forModerator(urls.current(v))));
        AppHttpServer.json(ctx, 200, Envelope.ok(data));
    }

    void approve(Context ctx) {
        decide(ctx, true);
    }

    void block(Context ctx) {
        decide(ctx, false);
    }

    private void decide(Context ctx, boolean approve) {
        Principal moderator = moderator(ctx);
        String fileId = ctx.pathParam("fileId");
        decidable(videos.find(fileId), fileId, approve);
        applyAtVod(fileId, !approve);
        Instant now = clock.instant();
        Video decided = videos.change(fileId, current -> Optional.of(
                transitions.moderate(decidable(current, fileId, approve), approve, moderator.userId(), now))).orElseThrow();
        LOG.info("moderator {} {} video {} (request {})", moderator.userId(), approve ? "approved" : "blocked", fileId,
                AppHttpServer.requestId(ctx));
        AppHttpServer.json(ctx, 200, Envelope.ok(Envelope.data().set("video", VideoJson.forModerator(urls.current(decided)))));
    }

    /** The video to decide on; refuses an unknown or deleted one, and the approval of a failed one. */
    private Video decidable(Optional<Video> video, String fileId, boolean approve) {
        Video known = video.orElseThrow(() -> new AppException(AppError.VIDEO_NOT_FOUND, "no video " + fileId));
        if (known.state() == VideoState.DELETED) {
            throw new AppException(AppError.VIDEO_DELETED, "video " + fileId + " is deleted");
        }
        if (approve && !transitions.approvable(known)) {
            throw new AppException(AppError.VIDEO_FAILED, "video " + fileId + " failed ("
                    + known.failureReason().orElse(Video.NOT_PLAYABLE) + "): there is nothing to publish");
        }
        return known;
    }

    /** Forbids or recovers the media at the VOD first; refuses the decision when the VOD does not take it. */
    private void applyAtVod(String fileId, boolean forbidden) {
        try {
            if (!distribution.set(fileId, forbidden)) {
                LOG.warn("the VOD no longer has media {}; the decision is kept in the app only", fileId);
            }
        } catch (VodApiException | java.io.IOException e) {
            LOG.warn("the VOD did not take the decision on {}: {}", fileId, e.getMessage());
            throw new AppException(AppError.VOD_UNAVAILABLE, "the VOD did not take the decision: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppException(AppError.VOD_UNAVAILABLE, "interrupted while the VOD was told");
        }
    }

    /** The authenticated caller, when a moderator; refuses anyone else. */
    private Principal moderator(Context ctx) {
        Principal principal = authenticator.authenticate(Optional.ofNullable(ctx.header("Authorization")));
        Optional<Account> account = accounts.find(principal.userId());
        if (account.map(Account::banned).orElse(false)) {
            throw new AppException(AppError.USER_BANNED, "user " + principal.userId() + " is banned");
        }
        String role = policy.roleOf(principal.userId(), account.map(Account::role).filter(r -> !r.isEmpty()), principal.role());
        if (!moderatorRoles.contains(role)) {
            throw new AppException(AppError.NOT_A_MODERATOR, "user " + principal.userId() + " (role " + role + ") is not a moderator");
        }
        return principal;
    }
}
