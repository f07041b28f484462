package org.ladderboard.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ladderboard.queue.ErrorKind;

/** The SQLSTATE policy: only an outage is retried; the data's errors and the platform's own faults fail the job. */
class ErrorKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "08006, INFRASTRUCTURE", // connection failure
            "08001, INFRASTRUCTURE", // cannot connect
            "57P01, INFRASTRUCTURE", // administrator shut the server down
            "57P03, INFRASTRUCTURE", // the server is starting up
            "53100, INFRASTRUCTURE", // disk full
            "53200, INFRASTRUCTURE", // out of memory
            "58030, INFRASTRUCTURE", // I/O error
            "40001, INFRASTRUCTURE", // serialization failure
            "40P01, INFRASTRUCTURE", // deadlock
            "22003, DATA",           // value out of range: underflow
            "22021, DATA",           // a zero byte in text
            "22P02, DATA",           // invalid JSON
            "23505, DATA",           // unique violation
            "23514, DATA",           // check constraint
            "42P01, INTERNAL",       // a table the statement names is missing
            "42703, INTERNAL",       // a column is missing
            "57014, INTERNAL",       // statement cancelled (a timeout): not an outage
            "P0001, INTERNAL",       // raised by a function
            "XX000, INTERNAL"})      // the server's internal error
    void classifiesByState(String state, ErrorKind kind) {
        assertThat(ErrorKind.of(new SQLException("boom", state))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"22003, DATA", "08006, INFRASTRUCTURE", "P0001, INTERNAL"})
    void aBatchIsClassifiedByTheServerErrorItChains(String state, ErrorKind kind) {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("the server's error", state));
        assertThat(ErrorKind.of(batch)).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Connection is closed", "HikariPool-1 - Connection is not available, request timed out after 3000ms."})
    void anErrorWithoutAStateIsTheConnectionGoingAway(String message) {
        assertThat(ErrorKind.of(new SQLException(message))).isEqualTo(ErrorKind.INFRASTRUCTURE);
    }
}
