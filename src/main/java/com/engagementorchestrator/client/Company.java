package com.engagementorchestrator.client;

import com.engagementorchestrator.common.Time;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class Company {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String registrationNumber;
    private String country;
    @Enumerated(EnumType.STRING)
    private Industry industry;
    private String website;
    private String websiteHost;
    private Instant createdAt;

    protected Company() {
    }

    public Company(String name, String registrationNumber, String country, Industry industry, String website) {
        this.name = name;
        this.registrationNumber = registrationNumber;
        this.country = country;
        this.industry = industry;
        this.website = website;
        this.websiteHost = ContactKeys.websiteHost(website);
        this.createdAt = Time.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getRegistrationNumber() {
        return registrationNumber;
    }

    public String getCountry() {
        return country;
    }

    public Industry getIndustry() {
        return industry;
    }

    public String getWebsite() {
        return website;
    }

    public String getWebsiteHost() {
        return websiteHost;
    }
}
