package org.ladderboard.queue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ladderboard.dataset.Example;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer and reader of the {@code example} table: the upload stores parsed rows through it, and the workers,
 * the exports and the pages read them back through it, whole (the kept-but-unscored {@code extra} columns
 * included), so the table's columns are listed in one place ({@code insert_example} and {@code examples} in
 * {@code queue.sql}).
 */
public final class ExampleTable {

    /** A stored example: its row id and its 0-based position over the whole submission. */
    public record Stored(long id, int position, Example example) {
    }

    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, String>> COLUMNS = new TypeReference<>() {
    };

    private ExampleTable() {
    }

    /** Stores a part's examples; {@code firstPosition} is the first one's position over the whole submission. */
    public static void insert(Connection c, long submissionId, long partId, int firstPosition, List<Example> examples)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(QueueSql.named("insert_example"))) {
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                ps.setLong(1, submissionId);
                ps.setLong(2, partId);
                ps.setInt(3, firstPosition + i);
                ps.setInt(4, e.row());
                ps.setInt(5, e.line());
                ps.setString(6, e.prompt());
                ps.setString(7, e.otherPrompt());
                ps.setString(8, e.classes() == null ? null : JSON.writeValueAsString(e.classes()));
                if (e.answerIndex() == null) {
                    ps.setNull(9, Types.INTEGER);
                } else {
                    ps.setInt(9, e.answerIndex());
                }
                ps.setString(10, e.completion());
                ps.setString(11, JSON.writeValueAsString(e.extra() == null ? Map.of() : e.extra()));
                ps.addBatch();
                if ((i + 1) % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Every example of the submission, in file order. */
    public static List<Stored> all(Connection c, long submissionId) throws SQLException {
        return read(c, submissionId, null, null, 0);
    }

    /** The examples that have no score yet on {@code ladder}'s {@code model} at K = {@code shots}, in file order. */
    static List<Stored> unscored(Connection c, long submissionId, String ladder, String model, int shots)
            throws SQLException {
        return read(c, submissionId, ladder, model, shots);
    }

    private static List<Stored> read(Connection c, long submissionId, String ladder, String model, int shots)
            throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (PreparedStatement ps = JobQueue.prepare(c, "examples", submissionId, model, ladder, model, shots);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String classes = rs.getString(8);
                String extra = rs.getString(11);
                out.add(new Stored(rs.getLong(1), rs.getInt(2), new Example(rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6), rs.getString(7), classes == null ? null : JSON.readValue(classes, STRINGS),
                        (Integer) rs.getObject(9), rs.getString(10), extra == null ? Map.of() : JSON.readValue(extra, COLUMNS))));
            }
        }
        return out;
    }
}
