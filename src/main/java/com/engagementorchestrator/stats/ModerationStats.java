package com.engagementorchestrator.stats;

import com.engagementorchestrator.engagement.EngagementPhase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for moderators over the engagements registered in a period (a cohort, so every rate has one denominator):
 * screening outcomes, breaches per engagement by kind, and the time spent in each phase (stays that ended). Aggregated
 * in the database: one query per figure whatever the number of engagements.
 */
@Service
@Transactional(readOnly = true)
public class ModerationStats {

    private final NamedParameterJdbcTemplate jdbc;

    public ModerationStats(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Report(LocalDate from, LocalDate to, long engagements, List<VerdictCount> screening,
                         List<BreachRate> breaches, List<PhaseTime> phases) {
    }

    /** {@code verdict} PENDING: not decided yet; {@code byModerator}: decided after the intro call; overrides of the rules. */
    public record VerdictCount(String verdict, long count, long byModerator, long overrides) {
    }

    /** Breaches of one kind, per engagement of the cohort, and the share of engagements with at least one. */
    public record BreachRate(String kind, long breaches, long engagements, BigDecimal perEngagement,
                             BigDecimal shareOfEngagements) {
    }

    /** Stays in a phase that ended; hours. */
    public record PhaseTime(String phase, long stays, BigDecimal medianHours, BigDecimal p90Hours, BigDecimal maxHours) {
    }

    /** From the first day to the last day, both included (UTC). */
    public Report report(LocalDate from, LocalDate to) {
        Map<String, Object> cohort = Map.of(
                "from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()),
                "to", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        String inCohort = "e.created_at >= :from and e.created_at < :to";
        Long engagements = jdbc.queryForObject("select count(*) from engagement e where " + inCohort, cohort, Long.class);
        long total = engagements == null ? 0 : engagements;
        List<VerdictCount> screening = jdbc.query("""
                select coalesce(s.verdict, 'PENDING') as verdict, count(*) as n,
                       sum(case when s.reviewed_by is not null then 1 else 0 end) as by_moderator,
                       sum(case when s.override_reason is not null then 1 else 0 end) as overrides
                from engagement e left join screening s on s.engagement_id = e.id
                where %s group by coalesce(s.verdict, 'PENDING') order by verdict""".formatted(inCohort), cohort,
                (rs, i) -> new VerdictCount(rs.getString("verdict"), rs.getLong("n"), rs.getLong("by_moderator"),
                        rs.getLong("overrides")));
        List<BreachRate> breaches = jdbc.query("""
                select b.kind, count(*) as n, count(distinct b.engagement_id) as engagements
                from breach b join engagement e on e.id = b.engagement_id
                where %s group by b.kind order by b.kind""".formatted(inCohort), cohort,
                (rs, i) -> new BreachRate(rs.getString("kind"), rs.getLong("n"), rs.getLong("engagements"),
                        ratio(rs.getLong("n"), total), ratio(rs.getLong("engagements"), total)));
        List<PhaseTime> phases = jdbc.query("""
                select p.phase, count(*) as n,
                       percentile_cont(0.5) within group (order by p.duration_ms) as median_ms,
                       percentile_cont(0.9) within group (order by p.duration_ms) as p90_ms,
                       max(p.duration_ms) as max_ms
                from phase_period p join engagement e on e.id = p.engagement_id
                where %s and p.left_at is not null group by p.phase""".formatted(inCohort), cohort,
                (rs, i) -> new PhaseTime(rs.getString("phase"), rs.getLong("n"), hours(rs.getDouble("median_ms")),
                        hours(rs.getDouble("p90_ms")), hours(rs.getDouble("max_ms"))));
        return new Report(from, to, total, screening, breaches, phases.stream()
                // In the lifecycle's order, so the page reads top to bottom.
                .sorted(java.util.Comparator.comparingInt(p -> EngagementPhase.valueOf(p.phase()).ordinal())).toList());
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(double millis) {
        return BigDecimal.valueOf(millis / 3_600_000d).setScale(2, RoundingMode.HALF_UP);
    }
}
