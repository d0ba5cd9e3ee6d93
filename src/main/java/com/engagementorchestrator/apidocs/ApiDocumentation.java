package com.engagementorchestrator.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of /api (issue 11, item 5), served by springdoc at /api/docs/openapi (JSON) and browsable at
 * /api/docs. Tags follow the feature package of each controller; the error responses with our JSON error body
 * (common/ApiErrorHandler.ApiError) come from the handler itself, which springdoc reads. The description is public:
 * it says what the API offers, not anyone's data; every endpoint it lists keeps its own access rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC_AUTH = "basicAuth";

    /** Feature package of a controller, its tag and what the tag covers. */
    private static final Map<String, Tag> FEATURES = Map.of(
            "registration", tag("Registration", "A client registers and starts engagements (public: POST /api/registrations)."),
            "overview", tag("Engagements and clients", "What an engagement, its files and a client's record show; a client sees only their own."),
            "protocol", tag("Protocols", "Meeting protocols: record, revise, sign, object, verify, PDF."),
            "delivery", tag("Deliveries", "Work results as previews until paid in full; the originals after that."),
            "complaint", tag("Complaints", "A client's complaint and its answer."),
            "deposit", tag("Payments", "The payment provider's signed webhook (public) and unmatched payments (moderators)."),
            "dispute", tag("Evidence", "The evidence bundle of an engagement for a dispute (staff)."),
            "reference", tag("Reference data", "Lists the public forms use (public)."));

    /** Operations anyone may call: everything else needs HTTP Basic credentials of an engine user (or the session). */
    private static final Set<String> PUBLIC = Set.of("POST /api/registrations", "POST /api/payments/webhook",
            "GET /api/reference/industries");

    @Bean
    OpenAPI engagementOrchestratorApi() {
        return new OpenAPI()
                .info(new Info().title("Engagement Orchestrator API").version("v1").description("""
                        The application's own API under /api. Callers authenticate with HTTP Basic as a user of the \
                        engine (the same users as Tasklist and Cockpit); a session created that way also works, and \
                        then writes need the XSRF-TOKEN cookie echoed as the X-XSRF-TOKEN header. Every error is JSON: \
                        status, error, message and, for bad input, the offending fields. Camunda's own REST API is at \
                        /engine-rest and is described by Camunda."""))
                .components(new Components().addSecuritySchemes(BASIC_AUTH,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
    }

    /** The tag of the controller's feature package. */
    @Bean
    OperationCustomizer tagByFeature() {
        return (operation, handler) -> {
            String packageName = handler.getBeanType().getPackageName();
            Tag tag = FEATURES.get(packageName.substring(packageName.lastIndexOf('.') + 1));
            if (tag != null) {
                operation.setTags(List.of(tag.getName()));
            }
            return operation;
        };
    }

    /** The tags with their descriptions, public operations without a security requirement, 401 on the others. */
    @Bean
    OpenApiCustomizer describeAccess() {
        return api -> {
            api.setTags(FEATURES.values().stream().sorted(java.util.Comparator.comparing(Tag::getName)).toList());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (PUBLIC.contains(method.name() + " " + path)) {
                    operation.setSecurity(List.of());
                } else {
                    operation.getResponses().addApiResponse("401", new ApiResponse()
                            .description("No or wrong credentials: HTTP Basic as an engine user"));
                }
            }));
        };
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
