/**
 * Secrets read at run time from AWS Secrets Manager, today the HeavyDB password.
 *
 * <p>Boundary: this package knows Secrets Manager (the SDK client, the secret's two accepted shapes, caching,
 * invalidation across a SnapStart snapshot) and nothing about who uses the secret. The HeavyDB client receives
 * the password through {@link io.heavyingest.secrets.SecretsManagerPassword#get()} and reports a refused login
 * through {@link io.heavyingest.secrets.SecretsManagerPassword#withRefreshOnce}; no HeavyDB type appears here.
 *
 * <p>Secret shape: either a JSON object with a string member {@code password} (what the Terraform in
 * {@code terraform/} writes: {@code {"username":"admin","password":"..."}}, the shape AWS's database rotation
 * templates use) or, when the secret string is not a JSON object, the whole string is the password.
 *
 * <p>A secret value never appears in an exception message, a cause, {@code toString()} or a log line; messages
 * name the secret by its id (the ARN in Lambda) only.
 */
package io.heavyingest.secrets;
