package com.engagementorchestrator.screening;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * HTTP adapter for a DaData-style "find party by id" API: {@code POST {baseUrl}/suggestions/api/4_1/rs/findById/party}
 * with {@code {"query": "<INN or OGRN>"}} and {@code Authorization: Token <token>}. From the first suggestion it reads
 * {@code data.state.status} (ACTIVE, LIQUIDATING, LIQUIDATED, BANKRUPT, REORGANIZING) and the court summary
 * {@code data.court_cases.debt_collection} / {@code data.court_cases.bankruptcy}; no suggestion means NOT_FOUND.
 */
@Component
class HttpCompanyRegistry implements CompanyRegistry {

    static final String FIND_PARTY_PATH = "/suggestions/api/4_1/rs/findById/party";

    private final CompanyRegistryProperties properties;
    private final RestClient http;

    HttpCompanyRegistry(CompanyRegistryProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(properties.connectTimeout()).build());
        requests.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().baseUrl(properties.baseUrl()).requestFactory(requests).build();
    }

    @Override
    public boolean covers(String country) {
        return properties.configured() && properties.countries().contains(country);
    }

    @Override
    public CompanyFacts lookUp(String country, String registrationNumber) {
        if (!covers(country)) {
            throw new CompanyRegistryUnavailableException("No company registry is configured for country " + country, true, null);
        }
        JsonNode answer;
        try {
            answer = http.post().uri(FIND_PARTY_PATH)
                    .header("Authorization", "Token " + properties.token())
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(new FindPartyRequest(registrationNumber))
                    .retrieve()
                    .body(JsonNode.class);
        } catch (RestClientException e) {
            throw new CompanyRegistryUnavailableException("Company registry at " + properties.baseUrl()
                    + " did not answer: " + e.getMessage(), false, e);
        }
        JsonNode suggestions = answer == null ? null : answer.path("suggestions");
        if (suggestions == null || !suggestions.isArray()) {
            throw new CompanyRegistryUnavailableException("Company registry answered without a suggestions list", false, null);
        }
        if (suggestions.isEmpty()) {
            return CompanyFacts.notFound();
        }
        JsonNode data = suggestions.get(0).path("data");
        String status = data.path("state").path("status").asText("");
        CompanyStatus companyStatus;
        try {
            companyStatus = CompanyStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new CompanyRegistryUnavailableException("Company registry reported an unknown status '" + status + "'", false, e);
        }
        JsonNode courts = data.path("court_cases");
        return new CompanyFacts(companyStatus, courts.path("debt_collection").asInt(0), courts.path("bankruptcy").asInt(0),
                "registry: " + suggestions.get(0).path("value").asText(registrationNumber));
    }

    record FindPartyRequest(String query) {
    }
}
