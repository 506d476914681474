package io.openvod.app.store;

import io.openvod.app.ledger.SignatureLedger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The signature ledger's contracts on {@link SqlSignatureLedger}, one ledger per node. */
abstract class SignatureLedgerOnSql extends OnTwoAppNodes implements SignatureLedgerContract, SignatureLedgerConcurrencyContract {
    private SqlSignatureLedger ledger;
    private SqlSignatureLedger other;

    @BeforeEach
    void openLedgers() {
        ledger = new SqlSignatureLedger(nodes.first().jdbi());
        other = new SqlSignatureLedger(nodes.second().jdbi());
    }

    @AfterEach
    void closeLedgers() {
        other.close();
        ledger.close();
    }

    @Override
    public SignatureLedger ledger() {
        return ledger;
    }

    @Override
    public SignatureLedger otherNode() {
        return other;
    }

    @Override
    public List<String> storedText() {
        return StoredText.of(nodes.first().dataSource());
    }
}
