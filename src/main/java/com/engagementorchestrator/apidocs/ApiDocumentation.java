package com.engagementorchestrator.apidocs;

import com.engagementorchestrator.common.ApiErrorHandler;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
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
 * /api/docs. Tags follow the feature package of each controller; every operation lists the error responses with our
 * JSON error body (common/ApiErrorHandler.ApiError; its handlers answer with ResponseEntity, so springdoc cannot read
 * their status codes and they are added here). The description is public:
 * it says what the API offers, not anyone's data; every endpoint it lists keeps its own access rules.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BASIC_AUTH = "basicAuth";
    static final String ERROR_SCHEMA = "ApiError";

    /** Feature package of a controller, its tag and what the tag covers. */
    private static final Map<String, Tag> FEATURES = Map.ofEntries(
            Map.entry("registration", tag("Registration", "A client registers and starts engagements (public: POST /api/registrations).")),
            Map.entry("overview", tag("Engagements and clients", "What an engagement, its files and a client's record show; a client sees only their own.")),
            Map.entry("protocol", tag("Protocols", "Meeting protocols: record, revise, sign, object, verify, PDF.")),
            Map.entry("delivery", tag("Deliveries", "Work results as previews until paid in full; the originals after that.")),
            Map.entry("complaint", tag("Complaints", "A client's complaint and its answer.")),
            Map.entry("deposit", tag("Payments", "The payment provider's signed webhook (public) and unmatched payments (moderators).")),
            Map.entry("dispute", tag("Evidence", "The evidence bundle of an engagement for a dispute (staff).")),
            Map.entry("reference", tag("Reference data", "Lists the public forms use (public).")),
            Map.entry("audit", tag("Rule changes", "Who deployed which process or decision version, with the rules and cells changed (analysts, moderators).")),
            Map.entry("migration", tag("Migration", "Moving running instances to another model version: dry run, batch, status (analysts).")),
            Map.entry("queue", tag("Queues", "The moderators' queue: its tasks a page at a time, and their count (moderators).")));

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

    /** What an error answer means, by status; each comes with our error body. */
    private static final Map<String, String> ERRORS = Map.of(
            "400", "Bad input: the message says what is wrong, fields lists every offending field",
            "404", "No such record, or not yours to see (a client sees only their own; others get 404, not 403)",
            "409", "The record's state does not allow this now (the message says why)");

    /**
     * The tags with their descriptions; public operations without a security requirement, the others with 401 and 403;
     * every operation with our error responses.
     */
    @Bean
    OpenApiCustomizer describeAccessAndErrors() {
        return api -> {
            api.setTags(FEATURES.values().stream().sorted(java.util.Comparator.comparing(Tag::getName)).toList());
            var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(ApiErrorHandler.ApiError.class);
            api.getComponents().addSchemas(ERROR_SCHEMA, resolved.schema);
            resolved.referencedSchemas.forEach(api.getComponents()::addSchemas);
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                ApiResponses responses = operation.getResponses();
                responses.putIfAbsent("400", error(ERRORS.get("400")));
                if (path.contains("{")) {
                    responses.putIfAbsent("404", error(ERRORS.get("404")));
                }
                if (method != PathItem.HttpMethod.GET) {
                    responses.putIfAbsent("409", error(ERRORS.get("409")));
                }
                if (PUBLIC.contains(method.name() + " " + path)) {
                    operation.setSecurity(List.of());
                } else {
                    responses.putIfAbsent("401", new ApiResponse()
                            .description("No or wrong credentials: HTTP Basic as an engine user"));
                    responses.putIfAbsent("403", error("Signed in, but this is not open to the caller's group"));
                }
            }));
        };
    }

    private static ApiResponse error(String meaning) {
        return new ApiResponse().description(meaning).content(new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }
}
