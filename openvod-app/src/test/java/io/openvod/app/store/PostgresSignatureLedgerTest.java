package io.openvod.app.store;

import io.openvod.app.ledger.SignatureLedger;
import io.openvod.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class PostgresSignatureLedgerTest implements SignatureLedgerContract, SignatureLedgerConcurrencyContract {
    private AppNodes nodes;
    private SqlSignatureLedger ledger;
    private SqlSignatureLedger other;

    @BeforeEach
    void open() {
        nodes = AppNodes.open(TestPostgres.newDatabaseUrl());
        ledger = new SqlSignatureLedger(nodes.first().jdbi());
        other = new SqlSignatureLedger(nodes.second().jdbi());
    }

    @AfterEach
    void close() {
        other.close();
        ledger.close();
        nodes.close();
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
