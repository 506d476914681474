package io.openvod.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {
    /** Cheap parameters, so that most tests run in milliseconds. */
    private static final Argon2idParameters CHEAP = Argon2idParameters.OWASP_MINIMUM.withCost(256, 1, 1);
    private static final Argon2idPasswordHasher HASHER = new Argon2idPasswordHasher(CHEAP);

    // Known answers computed with the reference implementation's command-line tool (libargon2,
    // `echo -n PASSWORD | argon2 SALT -id -t T -k M -p P -l 32 -e`).
    private static final String KAT_DEFAULT =
            "$argon2id$v=19$m=19456,t=2,p=1$b3BlbnZvZHNhbHQxMjM0NQ$7bEbmJPIf8tUgiV+6utI2rYZWfzNaP4iYEjLwNqEZkQ";
    private static final String KAT_TWO_LANES =
            "$argon2id$v=19$m=1024,t=1,p=2$c29tZXNhbHRzb21lc2FsdA$5izKtRN5PPTRP6zCdRZ1HD8pDBxN6FNp883HId3xx/E";
    private static final String KAT_UTF8 =
            "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA";

    @Test
    void defaultHashRoundTripsInPhcFormat() {
        String hash = Argon2idPasswordHasher.DEFAULT.hash("s3cret pass".toCharArray());

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(Argon2idPasswordHasher.DEFAULT.verify("s3cret pass".toCharArray(), hash)).isTrue();
        assertThat(Argon2idPasswordHasher.DEFAULT.needsRehash(hash)).isFalse();
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String hash = HASHER.hash("right".toCharArray());

        assertThat(HASHER.verify("wrong".toCharArray(), hash)).isFalse();
        assertThat(HASHER.verify("Right".toCharArray(), hash)).isFalse();
        assertThat(HASHER.verify("right ".toCharArray(), hash)).isFalse();
        assertThat(HASHER.verify(new char[0], hash)).isFalse();
        assertThat(HASHER.verify(null, hash)).isFalse();
    }

    @Test
    void emptyAndNonAsciiPasswordsWork() {
        String empty = HASHER.hash(new char[0]);
        String unicode = HASHER.hash("pässwörd € 密码 🔑".toCharArray());

        assertThat(HASHER.verify(new char[0], empty)).isTrue();
        assertThat(HASHER.verify("pässwörd € 密码 🔑".toCharArray(), unicode)).isTrue();
        assertThat(HASHER.verify("passwort € 密码 🔑".toCharArray(), unicode)).isFalse();
    }

    @Test
    void everyHashHasItsOwnSalt() {
        String first = HASHER.hash("same".toCharArray());
        String second = HASHER.hash("same".toCharArray());

        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")[4]).isNotEqualTo(second.split("\\$")[4]);
        assertThat(HASHER.verify("same".toCharArray(), first)).isTrue();
        assertThat(HASHER.verify("same".toCharArray(), second)).isTrue();
    }

    @Test
    void hashesMadeWithOldParametersStillVerifyAndAskForRehash() {
        Argon2idPasswordHasher old = new Argon2idPasswordHasher(CHEAP.withCost(512, 3, 2));
        String oldHash = old.hash("kept".toCharArray());

        assertThat(HASHER.verify("kept".toCharArray(), oldHash)).isTrue();
        assertThat(HASHER.verify("lost".toCharArray(), oldHash)).isFalse();
        assertThat(HASHER.needsRehash(oldHash)).isTrue();
        assertThat(old.needsRehash(oldHash)).isFalse();
        assertThat(Argon2idPasswordHasher.DEFAULT.verify("kept".toCharArray(), oldHash)).isTrue();
    }

    @Test
    void knownAnswersOfTheReferenceImplementationVerify() {
        assertThat(HASHER.verify("correct horse battery staple".toCharArray(), KAT_DEFAULT)).isTrue();
        assertThat(HASHER.verify("hunter2".toCharArray(), KAT_TWO_LANES)).isTrue();
        assertThat(HASHER.verify("pässwörd €".toCharArray(), KAT_UTF8)).isTrue();
        assertThat(HASHER.verify("correct horse battery stapler".toCharArray(), KAT_DEFAULT)).isFalse();
    }

    @Test
    void defaultHasherReproducesTheKnownAnswerGivenItsSalt() {
        byte[] salt = "openvodsalt12345".getBytes(StandardCharsets.US_ASCII);
        Argon2idPasswordHasher fixedSalt = new Argon2idPasswordHasher(Argon2idParameters.OWASP_MINIMUM, fixedRandom(salt));

        assertThat(fixedSalt.hash("correct horse battery staple".toCharArray())).isEqualTo(KAT_DEFAULT);
        assertThat(HexFormat.of().formatHex(Argon2idPasswordHasher.derive(
                "correct horse battery staple".toCharArray(), Argon2idParameters.OWASP_MINIMUM, salt)))
                .isEqualTo("edb11b9893c87fcb5482257eeaeb48dab61959fccd68fe226048cbc0da846644");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain text",
        "$2b$12$abcdefghijklmnopqrstuuJ6Y3QeSDYoQkZQ4A1BJOqdPdq0xqZ9u",
        "$argon2i$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2d$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=16$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$t=3,m=4096,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=1,k=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=+4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA==$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA=",
        "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNh-HRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdB$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA$",
        "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA",
        " $argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=1$c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN6w",
        "$argon2id$v=19$m=2097152,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=99999999999,t=3,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=21,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=17$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=8,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
        "$argon2id$v=19$m=4096,t=3,p=1$$8WCT54vwfMuHdHUip7CN62QQe4mprWkCKHoiYgWqgjA",
    })
    void malformedOrOutOfBoundsHashesNeverVerify(String stored) {
        assertThat(HASHER.verify("pässwörd €".toCharArray(), stored)).isFalse();
        assertThat(HASHER.needsRehash(stored)).isTrue();
    }

    @Test
    void nullAndOverlongHashesNeverVerify() {
        assertThat(HASHER.verify("x".toCharArray(), null)).isFalse();
        assertThat(HASHER.needsRehash(null)).isTrue();
        assertThat(HASHER.verify("x".toCharArray(), KAT_UTF8 + "A".repeat(10_000))).isFalse();
    }

    @Test
    void parametersOutsideTheBoundsAreRefused() {
        assertThatThrownBy(() -> CHEAP.withCost(Argon2idParameters.MAX_MEMORY_KIB + 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHEAP.withCost(4096, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHEAP.withCost(4096, 21, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CHEAP.withCost(15, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idParameters(4096, 1, 1, 4, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2idParameters(4096, 1, 1, 16, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SecureRandom fixedRandom(byte[] bytes) {
        return new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] out) {
                System.arraycopy(bytes, 0, out, 0, out.length);
            }
        };
    }
}
