locals {
  account_id  = data.aws_caller_identity.current.account_id
  partition   = data.aws_partition.current.partition
  bucket_name = coalesce(var.bucket_name, "${var.name}-${data.aws_caller_identity.current.account_id}-${var.region}")

  # Bucket layout, the same prefixes the code uses by default (heavy-ingest.bucket.*).
  incoming_prefix      = "incoming/"
  manifests_prefix     = "manifests/"
  claims_prefix        = "claims/"
  reports_prefix       = "reports/"
  error_reports_prefix = "reports/errors/"

  azs             = slice(data.aws_availability_zones.available.names, 0, 2)
  use_kms         = var.bucket_kms_key_arn != null
  snap_start      = var.snap_start && var.lambda_runtime == "java21"
  heavydb_port    = 6274
  heavydb_subnet  = coalesce(var.heavydb_subnet_index, 0)
  lambda_handler  = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
  function_source = filebase64sha256(var.function_zip)

  # What both functions need: the same HeavyDB (never a per-instance /tmp DuckDB), the password's secret by ARN,
  # the Secrets Manager endpoint inside the VPC. The URL carries no password (the code refuses one).
  common_environment = {
    HEAVYDB_URL                              = "heavydb://admin@${aws_instance.heavydb.private_ip}:${local.heavydb_port}/${var.heavydb_database}"
    HEAVY_INGEST_HEAVYDB_PASSWORD_SECRET_ARN = aws_secretsmanager_secret.heavydb.arn
    HEAVY_INGEST_WAREHOUSE_KIND              = "heavydb"
    HEAVY_INGEST_BUCKET_OUTPUT_BUCKET        = aws_s3_bucket.data.id
    # C1 only, Lambda's own default for java21, kept explicit: measured with the packaged function under start-up
    # priming, the full tiered compiler cost more CPU in init and in the first event than it saved (the parse
    # loops are short-lived; C2 compiles them after the file is done). See docs/ingest-function.md, "Cold start".
    JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }
}
