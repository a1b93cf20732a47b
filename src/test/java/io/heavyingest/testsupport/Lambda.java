package io.heavyingest.testsupport;

import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/** Posts an event to Quarkus's Lambda mock event server, which runs it through the real handler. */
public final class Lambda {
    private Lambda() {
    }

    public static Response invoke(String eventJson) {
        return given().contentType("application/json").accept("application/json").body(eventJson)
                .when().post("/_lambda_");
    }
}
