# Two functions from the one artifact (target/function.zip); QUARKUS_LAMBDA_HANDLER picks the @Named handler.
# Each is published and reached through its "live" alias: SnapStart applies to published versions only, and
# the triggers point at the alias either way.

locals {
  functions = {
    ingest = {
      memory      = var.ingest_memory_mb
      timeout     = var.ingest_timeout_seconds
      concurrency = var.ingest_reserved_concurrency
      description = "Loads incoming/*.csv[.gz] into HeavyDB exactly once and writes manifests/<datasetId>.json"
    }
    benchmark = {
      memory      = var.benchmark_memory_mb
      timeout     = var.benchmark_timeout_seconds
      concurrency = var.benchmark_reserved_concurrency
      description = "Benchmarks the dataset a manifest names and writes reports/<datasetId>/compliance-*.json/.html"
    }
  }
}

resource "aws_cloudwatch_log_group" "ingest" {
  name              = "/aws/lambda/${var.name}-ingest"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "benchmark" {
  name              = "/aws/lambda/${var.name}-benchmark"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "ingest" {
  function_name                  = "${var.name}-ingest"
  description                    = local.functions.ingest.description
  role                           = aws_iam_role.ingest.arn
  filename                       = var.function_zip
  source_code_hash               = local.function_source
  runtime                        = var.lambda_runtime
  handler                        = local.lambda_handler
  architectures                  = ["x86_64"]
  memory_size                    = local.functions.ingest.memory
  timeout                        = local.functions.ingest.timeout
  reserved_concurrent_executions = local.functions.ingest.concurrency
  publish                        = true

  environment {
    variables = merge(local.common_environment, {
      QUARKUS_LAMBDA_HANDLER = "ingest"
    })
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.functions.id]
  }

  dynamic "snap_start" {
    for_each = local.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.ingest.name
  }

  depends_on = [
    aws_iam_role_policy.ingest,
    aws_cloudwatch_log_group.ingest,
  ]
}

resource "aws_lambda_function" "benchmark" {
  function_name                  = "${var.name}-benchmark"
  description                    = local.functions.benchmark.description
  role                           = aws_iam_role.benchmark.arn
  filename                       = var.function_zip
  source_code_hash               = local.function_source
  runtime                        = var.lambda_runtime
  handler                        = local.lambda_handler
  architectures                  = ["x86_64"]
  memory_size                    = local.functions.benchmark.memory
  timeout                        = local.functions.benchmark.timeout
  reserved_concurrent_executions = local.functions.benchmark.concurrency
  publish                        = true

  environment {
    variables = merge(local.common_environment, {
      QUARKUS_LAMBDA_HANDLER = "benchmark"
    })
  }

  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.functions.id]
  }

  dynamic "snap_start" {
    for_each = local.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.benchmark.name
  }

  depends_on = [
    aws_iam_role_policy.benchmark,
    aws_cloudwatch_log_group.benchmark,
  ]
}

resource "aws_lambda_alias" "ingest" {
  name             = "live"
  function_name    = aws_lambda_function.ingest.function_name
  function_version = aws_lambda_function.ingest.version
}

resource "aws_lambda_alias" "benchmark" {
  name             = "live"
  function_name    = aws_lambda_function.benchmark.function_name
  function_version = aws_lambda_function.benchmark.version
}

resource "aws_lambda_permission" "benchmark_from_s3" {
  statement_id   = "AllowManifestNotifications"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.benchmark.function_name
  qualifier      = aws_lambda_alias.benchmark.name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.data.arn
  source_account = local.account_id
}

resource "aws_lambda_function_event_invoke_config" "benchmark" {
  function_name                = aws_lambda_function.benchmark.function_name
  qualifier                    = aws_lambda_alias.benchmark.name
  maximum_retry_attempts       = 1
  maximum_event_age_in_seconds = 21600

  destination_config {
    on_failure {
      destination = aws_sqs_queue.benchmark_failures.arn
    }
  }
}
