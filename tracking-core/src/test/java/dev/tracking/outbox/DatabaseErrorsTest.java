package dev.tracking.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void aBatchInsertFailureIsDescribedByItsCauseWithoutTheStatementsValues() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO tracking_outbox (destination,"
                + " message_id, payload) VALUES ('outlit', 'x', '{\"email\":\"ann@example.com\"}') was aborted", "23505",
                new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint\n"
                + "  Detail: Key (destination, message_id)=(outlit, x) already exists.", "23505"));

        String described = DatabaseErrors.describe(batch);

        assertThat(described).contains("SQLState 23505").contains("duplicate key value")
                .doesNotContain("ann@example.com").doesNotContain("Detail");
    }

    @Test
    void aMessageQuotingRowValuesIsWithheld() {
        SQLException notNull = new SQLException("ERROR: null value in column \"payload\" violates not-null constraint:"
                + " Failing row contains (1, outlit, {\"email\":\"ann@example.com\"})", "23502");

        assertThat(DatabaseErrors.describe(notNull)).contains("SQLState 23502").contains("withheld")
                .doesNotContain("ann@example.com");
    }

    @Test
    void otherErrorsKeepTheirMessageAndATimeoutSaysSo() {
        assertThat(DatabaseErrors.describe(new IllegalStateException("pool closed"))).isEqualTo(
                "IllegalStateException: pool closed");
        assertThat(DatabaseErrors.describe(null)).isEqualTo("timed out");
    }
}
