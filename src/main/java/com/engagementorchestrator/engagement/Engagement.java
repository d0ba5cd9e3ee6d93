package com.engagementorchestrator.engagement;

import com.engagementorchestrator.client.Client;
import com.engagementorchestrator.client.Company;
import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One piece of work for one client: its intake, where it stands, and its process instance. */
@Entity
public class Engagement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String number;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "client_id")
    private Client client;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id")
    private Company company;
    @Enumerated(EnumType.STRING)
    private EngagementStatus status;
    @Enumerated(EnumType.STRING)
    private EngagementPhase phase;
    private String closeReason;
    private String summary;
    private String projectDescription;
    private String projectGoal;
    private BigDecimal budgetAmount;
    private String budgetCurrency;
    private LocalDate desiredDeadline;
    @Enumerated(EnumType.STRING)
    private FirstContactChannel firstContactChannel;
    private Integer previousContractorsCount;
    private String previousContractorsExperience;
    @Enumerated(EnumType.STRING)
    private DecisionMaking decisionMaking;
    @Enumerated(EnumType.STRING)
    private KindOfWork kindOfWork;
    private String processInstanceId;
    private Instant createdAt;
    private Instant closedAt;
    @Version
    private long version;

    protected Engagement() {
    }

    public Engagement(String number, Client client, Intake intake) {
        this.number = number;
        this.client = client;
        this.company = client.getCompany();
        this.status = EngagementStatus.ACTIVE;
        this.phase = EngagementPhase.SCREENING;
        this.projectDescription = intake.projectDescription();
        this.projectGoal = intake.projectGoal();
        this.budgetAmount = intake.budgetAmount();
        this.budgetCurrency = intake.budgetCurrency();
        this.desiredDeadline = intake.desiredDeadline();
        this.firstContactChannel = intake.firstContactChannel();
        this.previousContractorsCount = intake.previousContractorsCount();
        this.previousContractorsExperience = intake.previousContractorsExperience();
        this.decisionMaking = intake.decisionMaking();
        this.kindOfWork = intake.kindOfWork();
        this.createdAt = Time.now();
    }

    /** The project part of the intake, as the client described it. */
    public record Intake(String projectDescription, String projectGoal, BigDecimal budgetAmount, String budgetCurrency,
                         LocalDate desiredDeadline, FirstContactChannel firstContactChannel,
                         Integer previousContractorsCount, String previousContractorsExperience,
                         DecisionMaking decisionMaking, KindOfWork kindOfWork) {
    }

    public void enterPhase(EngagementPhase next) {
        if (status != EngagementStatus.ACTIVE) {
            throw new IllegalStateException("Engagement " + number + " is " + status + " and cannot enter " + next);
        }
        this.phase = next;
    }

    /** The client is blocked: the engagement is paused where it is. */
    public void pause() {
        if (status == EngagementStatus.ACTIVE) {
            status = EngagementStatus.BLOCKED;
        }
    }

    public void resume() {
        if (status == EngagementStatus.BLOCKED) {
            status = EngagementStatus.ACTIVE;
        }
    }

    public void close(EngagementStatus finalStatus, String reason) {
        this.status = finalStatus;
        this.phase = EngagementPhase.CLOSED;
        this.closeReason = reason;
        this.closedAt = Time.now();
    }

    /** The end of a good engagement: completed, with its summary kept. */
    public void complete(String summary) {
        close(EngagementStatus.COMPLETED, "completed and paid in full");
        this.summary = summary;
    }

    public String getSummary() {
        return summary;
    }

    public void attachProcessInstance(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public boolean isOwnedBy(String userId) {
        return client.getUserId().equals(userId);
    }

    public Long getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public Client getClient() {
        return client;
    }

    public Company getCompany() {
        return company;
    }

    public EngagementStatus getStatus() {
        return status;
    }

    public EngagementPhase getPhase() {
        return phase;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public String getProjectDescription() {
        return projectDescription;
    }

    public String getProjectGoal() {
        return projectGoal;
    }

    public BigDecimal getBudgetAmount() {
        return budgetAmount;
    }

    public String getBudgetCurrency() {
        return budgetCurrency;
    }

    public LocalDate getDesiredDeadline() {
        return desiredDeadline;
    }

    public FirstContactChannel getFirstContactChannel() {
        return firstContactChannel;
    }

    public Integer getPreviousContractorsCount() {
        return previousContractorsCount;
    }

    public String getPreviousContractorsExperience() {
        return previousContractorsExperience;
    }

    public DecisionMaking getDecisionMaking() {
        return decisionMaking;
    }

    public KindOfWork getKindOfWork() {
        return kindOfWork;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
