package com.engagementorchestrator.screening;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The screening record of one engagement: fired markers, score, verdict, company check and moderator review. */
@Entity
public class Screening {

    @Id
    private Long engagementId;
    private int score;
    @Enumerated(EnumType.STRING)
    private Verdict ruleVerdict;
    @Enumerated(EnumType.STRING)
    private Verdict verdict;
    @Enumerated(EnumType.STRING)
    private CompanyCheck companyCheck;
    @Enumerated(EnumType.STRING)
    private CompanyStatus companyStatus;
    private Integer debtCases;
    private Integer bankruptcyCases;
    private Boolean companyReviewsBad;
    private String companyCheckNotes;
    private String observations;
    private String callNotes;
    private String overrideReason;
    private String reviewedBy;
    private Instant reviewedAt;
    private Instant updatedAt;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "engagement_id", nullable = false)
    @OrderBy("id")
    private List<ScreeningMarker> markers = new ArrayList<>();

    protected Screening() {
    }

    Screening(Long engagementId) {
        this.engagementId = engagementId;
        this.companyCheck = CompanyCheck.PENDING;
        this.ruleVerdict = Verdict.REVIEW;
        this.updatedAt = Time.now();
    }

    void applyRules(RuleOutcome outcome) {
        markers.clear();
        outcome.markers().forEach(m -> markers.add(new ScreeningMarker(m)));
        score = outcome.score();
        ruleVerdict = outcome.verdict();
        updatedAt = Time.now();
    }

    void recordCompanyCheck(CompanyCheck how, CompanyFacts facts) {
        companyCheck = how;
        companyStatus = facts.status();
        debtCases = facts.debtCases();
        bankruptcyCases = facts.bankruptcyCases();
        companyReviewsBad = facts.reviewsShowBrokenObligations();
        companyCheckNotes = facts.notes();
        updatedAt = Time.now();
    }

    void decide(Verdict finalVerdict) {
        verdict = finalVerdict;
        updatedAt = Time.now();
    }

    void recordReview(String reviewer, String observationsJson, String callNotes, String overrideReason) {
        this.reviewedBy = reviewer;
        this.reviewedAt = Time.now();
        this.observations = observationsJson;
        this.callNotes = callNotes;
        this.overrideReason = overrideReason;
    }

    public boolean isCompanyChecked() {
        return companyCheck != CompanyCheck.PENDING;
    }

    public CompanyFacts companyFacts() {
        return isCompanyChecked()
                ? new CompanyFacts(companyStatus, nz(debtCases), nz(bankruptcyCases),
                Boolean.TRUE.equals(companyReviewsBad), companyCheckNotes) : null;
    }

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }

    public List<Marker> getMarkers() {
        return markers.stream().map(ScreeningMarker::toMarker).toList();
    }

    public Long getEngagementId() {
        return engagementId;
    }

    public int getScore() {
        return score;
    }

    public Verdict getRuleVerdict() {
        return ruleVerdict;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public CompanyCheck getCompanyCheck() {
        return companyCheck;
    }

    public CompanyStatus getCompanyStatus() {
        return companyStatus;
    }

    public String getObservations() {
        return observations;
    }

    public String getCallNotes() {
        return callNotes;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getReviewedBy() {
        return reviewedBy;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }
}
