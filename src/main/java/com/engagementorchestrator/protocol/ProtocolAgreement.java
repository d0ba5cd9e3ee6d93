package com.engagementorchestrator.protocol;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

/** Something agreed in the meeting: who owes it and by when. */
@Entity
public class ProtocolAgreement {

    /** Who owes an agreement: the client (a promise) or our side (a task for the freelancer). */
    public enum Party { CLIENT, FREELANCER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int position;
    @Enumerated(EnumType.STRING)
    private Party owedBy;
    private String what;
    private LocalDate dueDate;

    protected ProtocolAgreement() {
    }

    ProtocolAgreement(int position, Party owedBy, String what, LocalDate dueDate) {
        this.position = position;
        this.owedBy = owedBy;
        this.what = what;
        this.dueDate = dueDate;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public Party getOwedBy() {
        return owedBy;
    }

    public String getWhat() {
        return what;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }
}
