package dev.tracking.outlit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-pass email check decides exactly as the contract's pattern does. */
class OutlitEmailCheckTest {

    private static final String ALPHABET = "aZ09_'+-.@@..--x";

    @Test
    void agreesWithTheContractsPatternOnKnownCases() {
        for (String email : List.of("ann@example.com", "o'neil+tag@mail.example.co.uk", "a_b-c@x-y.io", "1@2.ab",
                "a-@b.cd", "a@b-.cd", "ann", "ann@", "@example.com", "ann@example", "ann@example.c", ".ann@ex.com",
                "ann.@ex.com", "ann'@ex.com", "a..b@ex.com", "a@ex..com", "a@.ex.com", "a@-ex.com", "a@ex.c0m",
                "a b@ex.com", "a@b@ex.com", "a@ex.com.", "é@ex.com", "a@ex.cöm", "a@b.c.de", "a@b.cd")) {
            assertThat(OutlitChecks.isEmail(email)).as(email).isEqualTo(OutlitChecks.EMAIL.matcher(email).matches());
        }
    }

    @Test
    void agreesWithTheContractsPatternOnManyRandomStrings() {
        Random random = new Random(20261203);
        int valid = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (random.nextBoolean()) {
                text.append(random.nextBoolean() ? ".io" : ".c");
            }
            String email = text.toString();
            boolean expected = OutlitChecks.EMAIL.matcher(email).matches();
            assertThat(OutlitChecks.isEmail(email)).as(email).isEqualTo(expected);
            valid += expected ? 1 : 0;
        }
        assertThat(valid).as("the random strings include valid addresses").isGreaterThan(100);
    }
}
