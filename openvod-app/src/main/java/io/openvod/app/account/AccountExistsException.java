package io.openvod.app.account;

import io.openvod.app.AppError;
import io.openvod.core.OpenVodException;

/** An account with this user id exists already. */
public final class AccountExistsException extends OpenVodException {
    private static final long serialVersionUID = 1L;

    public AccountExistsException(String userId) {
        super(AppError.ACCOUNT_EXISTS, "user " + userId + " exists already");
    }
}
