package org.ladderboard.app.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.ladderboard.app.storage.StorageTrouble;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The answers every operation can give, written once rather than on each: 401, 403 (unless the operation needs no
 * account), 429, 503 and 507; 400 where a request has parameters or a body to get wrong; 413 where it carries a
 * multipart body. Every error answer without a body of its own gets the {@code Error} schema, and an example made
 * of its description, so the document never lists a code without saying what comes with it.
 */
@Component
class SharedResponses implements OpenApiCustomizer {

    static final String ERROR_SCHEMA = "Error";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(ERROR_SCHEMA, new ObjectSchema()
                .description("An error answer: a sentence to act on, and for a body's fields each one's problem")
                .addProperty("error", new StringSchema().description("what went wrong and what to do"))
                .addProperty("fields", new MapSchema().additionalProperties(new StringSchema())
                        .description("the problem of each wrong field, by name (only for bodies and forms)"))
                .required(List.of("error")));
        api.getComponents().addHeaders("Retry-After", new Header().description("seconds to wait before trying again")
                .schema(new IntegerSchema()));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(SharedResponses::complete));
    }

    private static void complete(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean needsAccount = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
        boolean hasInput = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || operation.getRequestBody() != null;
        boolean multipart = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().containsKey(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE);
        if (hasInput) {
            add(responses, "400", "The request could not be read: a parameter of the wrong type, a body that is not the "
                    + "JSON described, a field holding a NUL character", false);
        }
        add(responses, "401", needsAccount
                ? "authentication required: an API token (Bearer) or HTTP Basic"
                : "invalid or revoked API token (credentials are optional here, but wrong ones are refused)", false);
        if (needsAccount) {
            add(responses, "403", "your role, or this API token's scopes, do not allow this", false);
        }
        if (multipart) {
            add(responses, "413", "the upload is larger than the server accepts; split it into parts or ask the organisers", false);
        }
        add(responses, "429", "too many failed sign-ins for this account or address, or too many requests sending "
                + "bodies from it at once: try again after Retry-After seconds", true);
        add(responses, "503", StorageTrouble.DATABASE_UNAVAILABLE.message, true);
        add(responses, "507", StorageTrouble.DISK_FULL.message, false);
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                withErrorBody(response);
            }
        });
    }

    private static void add(ApiResponses responses, String code, String description, boolean retryAfter) {
        if (!responses.containsKey(code)) {
            ApiResponse response = new ApiResponse().description(description);
            if (retryAfter) {
                response.setHeaders(Map.of("Retry-After", new Header().$ref("#/components/headers/Retry-After")));
            }
            responses.addApiResponse(code, response);
        }
    }

    /** An error answer documented without a body gets the {@code Error} schema and its description as the example. */
    private static void withErrorBody(ApiResponse response) {
        Content content = response.getContent();
        if (content == null || content.isEmpty()) {
            content = new Content();
            response.setContent(content);
        }
        if (content.isEmpty()) {
            content.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType());
        }
        content.forEach((type, media) -> {
            if (media.getSchema() == null || isBareObject(media.getSchema())) {
                media.setSchema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA));
            }
            if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
                media.setExamples(Map.of("error", new Example().value(Map.of("error", response.getDescription()))));
            }
        });
    }

    /** springdoc's guess for a {@code ResponseEntity<?>} or a map: a schema that says nothing. */
    private static boolean isBareObject(Schema<?> schema) {
        return schema.get$ref() == null && (schema.getProperties() == null || schema.getProperties().isEmpty())
                && ("object".equals(schema.getType()) || schema.getType() == null && schema.getTypes() == null);
    }
}
