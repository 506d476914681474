package io.openvod.app.store;

import io.openvod.app.account.AccountStore;
import java.util.List;

/** The account store's contract on {@link SqlAccountStore}. */
abstract class AccountStoreOnSql extends OnTwoAppNodes implements AccountStoreContract {
    @Override
    public AccountStore accounts() {
        return new SqlAccountStore(nodes.first().jdbi());
    }

    @Override
    public List<String> storedText() {
        return StoredText.of(nodes.first().dataSource());
    }
}
