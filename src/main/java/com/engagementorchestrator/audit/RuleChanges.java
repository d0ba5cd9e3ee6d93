package com.engagementorchestrator.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit of deployed process and decision versions, newest first. */
@Service
public class RuleChanges {

    /** One deployed version. {@code changed} is null for a first version; {@code diff} is only for decisions. */
    public record Change(long id, String kind, String key, String name, int version, String definitionId,
                         Integer previousVersion, String deploymentId, String deploymentName, String resource,
                         String deployedBy, Instant deployedAt, Boolean changed, DecisionDiff.Result diff) {
    }

    public record Page(long total, int offset, int limit, List<Change> changes) {
    }

    public enum Kind { PROCESS, DECISION }

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    RuleChanges(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Page find(String key, Kind kind, boolean changedOnly, int offset, int limit) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        if (key != null) {
            where.append(" and definition_key = :key");
            parameters.addValue("key", key);
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            parameters.addValue("kind", kind.name());
        }
        if (changedOnly) {
            // A first version is a change too; an unchanged redeployment (all models go out together) is not.
            where.append(" and (changed is null or changed = true)");
        }
        Long total = jdbc.queryForObject("select count(*) from model_deployment_audit" + where, parameters, Long.class);
        parameters.addValue("offset", offset).addValue("limit", limit);
        List<Change> changes = jdbc.query("select * from model_deployment_audit" + where
                + " order by deployed_at desc, id desc offset :offset rows fetch next :limit rows only", parameters,
                (row, n) -> change(row));
        return new Page(total == null ? 0 : total, offset, limit, changes);
    }

    private Change change(ResultSet row) throws SQLException {
        Integer previous = row.getObject("previous_version") == null ? null : row.getInt("previous_version");
        Boolean changed = row.getObject("changed") == null ? null : row.getBoolean("changed");
        String diff = row.getString("diff");
        try {
            return new Change(row.getLong("id"), row.getString("kind"), row.getString("definition_key"),
                    row.getString("definition_name"), row.getInt("version"), row.getString("definition_id"), previous,
                    row.getString("deployment_id"), row.getString("deployment_name"), row.getString("resource_name"),
                    row.getString("deployed_by"), row.getObject("deployed_at", OffsetDateTime.class).toInstant(),
                    changed, diff == null ? null : json.readValue(diff, DecisionDiff.Result.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The recorded diff of audit row " + row.getLong("id") + " is not readable", e);
        }
    }
}
