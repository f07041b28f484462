package org.ladderboard.app.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's head ({@code /v3/api-docs}): what the API is, its version, and how a script signs in. The
 * operations come from the controllers' annotations; {@link SharedResponses} adds the answers every one can give.
 */
@Configuration
class ApiDocument {

    /** The API's own version: it changes when a call or an answer changes incompatibly, not with every release. */
    static final String VERSION = "1.1";

    static final String BEARER = "token";
    static final String BASIC = "password";

    @Bean
    OpenAPI ladderboardApi() {
        return new OpenAPI()
                .info(new Info().title("Ladderboard API").version(VERSION).description("""
                        JSON over HTTP for every role of an inverse-scaling contest: contestants validate, submit and \
                        follow their submissions; judges read their queue and write blind reviews on the rubric; \
                        organizers run rounds, reveal the leaderboard, re-score, choose winners, export and watch the \
                        scoring queue. Each call needs the same role as the page that does the same thing.

                        Sign in on every call with an API token (`Authorization: Bearer lb_…`, made on your account \
                        page) or HTTP Basic (e-mail and password). A token has scopes: `read` for every GET, `submit` \
                        to upload and cancel, `manage` for organizers' and judges' changes. Errors are JSON \
                        `{"error": …}`, with `fields` naming each wrong field of a body. A database outage answers 503 \
                        and a full disk 507 with nothing stored; throttled sign-ins and bursts answer 429 with \
                        `Retry-After`."""))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("lb_…").description("An API token from your account page"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The account's e-mail and password (every scope)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addTagsItem(new Tag().name(Tags.SUBMISSIONS).description("Contestants' uploads and their results"))
                .addTagsItem(new Tag().name(Tags.VALIDATION).description("The quick check of a dataset, no account needed"))
                .addTagsItem(new Tag().name(Tags.ROUNDS).description("Rounds: the current one, and organizers' settings and re-scoring"))
                .addTagsItem(new Tag().name(Tags.LEADERBOARD).description("The leaderboard as JSON, and who may see it"))
                .addTagsItem(new Tag().name(Tags.REVIEWS).description("Judges' blind reviews on the rubric"))
                .addTagsItem(new Tag().name(Tags.WINNERS).description("A round's winners and their prize tiers"))
                .addTagsItem(new Tag().name(Tags.EXPORTS).description("Exports at once or in the background"))
                .addTagsItem(new Tag().name(Tags.QUEUE).description("The scoring queue and its workers' health"))
                .addTagsItem(new Tag().name(Tags.NOTICES).description("What the caller was told: scored, failed, new work, silent workers"));
    }
}
