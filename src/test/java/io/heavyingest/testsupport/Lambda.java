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

    /** Puts {@code content} under {@code key} and posts that upload's S3 event; the handler's answer (HTTP 200). */
    public static io.restassured.path.json.JsonPath putAndInvoke(BucketEnv env, String bucket, String key, byte[] content) {
        software.amazon.awssdk.services.s3.model.PutObjectResponse put = env.put(bucket, key, content);
        return invoke(Events.s3Put(bucket, key, content.length, put.eTag().replace("\"", ""), put.versionId()))
                .then().statusCode(200).extract().jsonPath();
    }
}
