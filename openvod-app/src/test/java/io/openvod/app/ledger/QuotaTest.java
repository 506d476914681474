package io.openvod.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The quota rule, apart from any store: one more signature fits, or which limit it would pass. */
class QuotaTest {
    @Test
    void aSignatureFitsUntilTheUploadsLimitIsReached() {
        Quota two = new Quota(2, Long.MAX_VALUE);
        assertThat(two.admit(new Usage(1, 10), 5)).isEqualTo(new Reservation.Recorded(new Usage(2, 15)));
        assertThat(two.admit(new Usage(2, 15), 0)).isEqualTo(new Reservation.UploadsExceeded(new Usage(2, 15), 2));
    }

    @Test
    void theBytesLimitIsInclusiveAndCheckedAfterTheUploads() {
        Quota hundred = new Quota(5, 100);
        assertThat(hundred.admit(new Usage(1, 60), 40)).isEqualTo(new Reservation.Recorded(new Usage(2, 100)));
        assertThat(hundred.admit(new Usage(1, 60), 41)).isEqualTo(new Reservation.BytesExceeded(new Usage(1, 60), 100));
        assertThat(new Quota(0, 0).admit(new Usage(0, 0), 1)).isInstanceOf(Reservation.UploadsExceeded.class);
    }

    @Test
    void unlimitedDoesNotOverflowAndNegativeSizesAreRefused() {
        assertThat(Quota.UNLIMITED.admit(new Usage(1, Long.MAX_VALUE - 1), 1))
                .isEqualTo(new Reservation.Recorded(new Usage(2, Long.MAX_VALUE)));
        assertThat(Quota.UNLIMITED.admit(new Usage(2, Long.MAX_VALUE), 1)).isInstanceOf(Reservation.BytesExceeded.class);
        assertThatThrownBy(() -> Quota.UNLIMITED.admit(new Usage(0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
