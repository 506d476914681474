package io.openvod.app.policy;

import io.openvod.app.ledger.Quota;
import java.time.Duration;
import java.util.Optional;

/**
 * What the policy allows one request to be signed with.
 *
 * @param procedure the task flow to sign, if any
 * @param classId the category to sign, if any
 * @param validity how long the signature lives
 * @param oneTimeValid whether it is single-use
 * @param quota the user's daily allowance
 */
public record Grant(Optional<String> procedure, Optional<Long> classId, Duration validity, boolean oneTimeValid, Quota quota) {
}
