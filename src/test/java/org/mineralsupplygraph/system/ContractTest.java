package org.mineralsupplygraph.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mineralsupplygraph.support.Api;
import org.mineralsupplygraph.support.Contract;
import org.mineralsupplygraph.support.GraphTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The contract check that {@link Api} applies to every answer the API tests receive, against the served document:
 * it passes real answers and fails on each kind of answer the document did not describe before (fixtures below).
 */
@GraphTest
class ContractTest {

    @LocalServerPort
    int port;

    OpenApiInteractionValidator contract;

    @BeforeEach
    void readTheDocument() {
        contract = Contract.of("http://localhost:" + port);
    }

    @Test
    void realAnswersPass() {
        Api.Response state = new Api(port).get("/api/supply-reach");
        assertThat(Contract.violations(
                        contract, "GET", "/api/supply-reach", state.status(), state.contentType(), state.text()))
                .isEmpty();
        // A nullable field given as null, and a nullable reference given as null, are answers the document allows.
        assertThat(Contract.violations(
                        contract,
                        "GET",
                        "/api/supply-reach",
                        200,
                        "application/json",
                        "{\"status\": \"current\", \"note\": null, \"last\": null}"))
                .isEmpty();
    }

    @Test
    void answersTheDocumentDoesNotDescribeFail() {
        // A field that is never null given as null; a field the document does not name.
        assertThat(Contract.violations(
                        contract,
                        "GET",
                        "/api/supply-reach",
                        200,
                        "application/json",
                        "{\"status\": null, \"note\": null, \"last\": null}"))
                .contains("status");
        assertThat(Contract.violations(
                        contract,
                        "GET",
                        "/api/supply-reach",
                        200,
                        "application/json",
                        "{\"status\": \"current\", \"note\": null, \"last\": null, \"extra\": 1}"))
                .contains("extra");
        // A required field left out.
        assertThat(Contract.violations(
                        contract,
                        "GET",
                        "/api/supply-reach",
                        200,
                        "application/json",
                        "{\"note\": null, \"last\": null}"))
                .contains("status");
        // The import format's schema as a string rather than an object.
        assertThat(Contract.violations(contract, "GET", "/api/import/schema", 200, "application/json", "\"{}\""))
                .isNotEmpty();
        // A status the operation does not document (a 403 on a read), and a media type it does not answer.
        assertThat(
                        Contract.violations(
                                contract,
                                "GET",
                                "/api/minerals",
                                403,
                                "application/problem+json",
                                "{\"type\": \"/problems/forbidden\", \"title\": \"Forbidden\", \"status\": 403, \"detail\": \"no\"}"))
                .contains("403");
        assertThat(Contract.violations(contract, "GET", "/api/minerals", 200, "text/html", "<html></html>"))
                .contains("Content-Type");
        // A problem document with an errors list of the other shape ('message' for 'detail').
        assertThat(Contract.violations(
                        contract,
                        "GET",
                        "/api/exposure",
                        400,
                        "application/problem+json",
                        "{\"type\": \"/problems/invalid-parameter\", \"title\": \"Invalid parameter\", \"status\": 400,"
                                + " \"detail\": \"bad\", \"errors\": [{\"message\": \"bad\"}]}"))
                .contains("message");
        // An undocumented method answered with something other than a problem document.
        assertThat(Contract.violations(contract, "DELETE", "/api/minerals", 405, "text/plain", "no"))
                .contains("problem");
    }
}
