# Uploads reach the ingest function through SQS (see docs/deploy.md, "Why a queue for uploads"): a durable
# buffer while HeavyDB is down or being replaced (14 days instead of the 6 hours of Lambda's async queue), a
# dead-letter queue that can be redriven after a fix, and per-message retries (ReportBatchItemFailures), which
# the ingest handler already answers.

resource "aws_sqs_queue" "ingest_dlq" {
  name                      = "${var.name}-ingest-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "ingest" {
  name                       = "${var.name}-ingest"
  visibility_timeout_seconds = 6 * var.ingest_timeout_seconds
  message_retention_seconds  = 1209600
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.ingest_dlq.arn
    maxReceiveCount     = var.ingest_max_receive_count
  })
}

data "aws_iam_policy_document" "ingest_queue" {
  statement {
    sid       = "S3UploadNotifications"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.ingest.arn]

    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_s3_bucket.data.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_sqs_queue_policy" "ingest" {
  queue_url = aws_sqs_queue.ingest.id
  policy    = data.aws_iam_policy_document.ingest_queue.json
}

resource "aws_lambda_event_source_mapping" "ingest" {
  event_source_arn                   = aws_sqs_queue.ingest.arn
  function_name                      = aws_lambda_alias.ingest.arn
  batch_size                         = 1
  maximum_batching_window_in_seconds = 0
  function_response_types            = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = 2
  }
}

# The benchmark function is invoked asynchronously by S3; an event it fails on (after one retry) lands here.
resource "aws_sqs_queue" "benchmark_failures" {
  name                      = "${var.name}-benchmark-failures"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}
