package com.engagementorchestrator.engagement;

import com.engagementorchestrator.common.Time;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Issues engagement numbers such as ENG-2026-000042 from a database sequence (no gaps under concurrency matter). */
@Component
public class EngagementNumbers {

    private final JdbcTemplate jdbc;

    public EngagementNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String next() {
        Long value = jdbc.queryForObject("select nextval('engagement_number_seq')", Long.class);
        int year = Time.now().atZone(ZoneOffset.UTC).getYear();
        return "ENG-%d-%06d".formatted(year, value % 1_000_000);
    }
}
