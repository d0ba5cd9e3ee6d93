package com.engagementorchestrator.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** DaData-style answers of the company registry served by WireMock. */
public final class RegistryStubs {

    public static final String PATH = "/suggestions/api/4_1/rs/findById/party";

    private RegistryStubs() {
    }

    public static void company(String registrationNumber, String status, int debtCases, int bankruptcyCases) {
        TestInfrastructure.registry().stubFor(post(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Token test-token"))
                .withRequestBody(matchingJsonPath("$.query", equalTo(registrationNumber)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                        {"suggestions": [{"value": "ООО Вектор", "data": {"inn": "%s",
                          "state": {"status": "%s"},
                          "court_cases": {"debt_collection": %d, "bankruptcy": %d}}}]}
                        """.formatted(registrationNumber, status, debtCases, bankruptcyCases))));
    }

    public static void unknown(String registrationNumber) {
        TestInfrastructure.registry().stubFor(post(urlEqualTo(PATH))
                .withRequestBody(containing(registrationNumber))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"suggestions\": []}")));
    }

    public static void down() {
        TestInfrastructure.registry().stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
    }

    public static void reset() {
        TestInfrastructure.registry().resetAll();
    }
}
