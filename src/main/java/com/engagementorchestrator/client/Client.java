package com.engagementorchestrator.client;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A client person. Their Camunda user id is their e-mail address, so they log into Tasklist with it. */
@Entity
public class Client {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String userId;
    private String email;
    private String fullName;
    private String phone;
    // Keys by which an earlier client is recognised (see ContactKeys).
    private String phoneKey;
    private String emailDomain;
    private String position;
    private String locale;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id")
    private Company company;
    private Instant createdAt;

    protected Client() {
    }

    public Client(String email, String fullName, String phone, String position, String locale, Company company) {
        this.userId = email;
        this.email = email;
        this.fullName = fullName;
        this.phone = phone;
        this.phoneKey = ContactKeys.phone(phone);
        this.emailDomain = ContactKeys.emailDomain(email);
        this.position = position;
        this.locale = locale;
        this.company = company;
        this.createdAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getEmail() {
        return email;
    }

    public String getFullName() {
        return fullName;
    }

    public String getPhone() {
        return phone;
    }

    public String getPhoneKey() {
        return phoneKey;
    }

    public String getEmailDomain() {
        return emailDomain;
    }

    public String getPosition() {
        return position;
    }

    public String getLocale() {
        return locale;
    }

    public Company getCompany() {
        return company;
    }
}
