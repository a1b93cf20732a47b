resource "aws_sns_topic" "alarms" {
  name              = "${var.name}-alarms"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic_subscription" "alarm_email" {
  count     = var.alarm_email == null ? 0 : 1
  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = var.alarm_email
}

locals {
  function_alarms = {
    ingest-errors       = { function = aws_lambda_function.ingest.function_name, metric = "Errors", what = "ingest invocations failed (transient failures are retried; see the DLQ)" }
    ingest-throttles    = { function = aws_lambda_function.ingest.function_name, metric = "Throttles", what = "ingest invocations throttled (reserved concurrency)" }
    benchmark-errors    = { function = aws_lambda_function.benchmark.function_name, metric = "Errors", what = "benchmark invocations failed" }
    benchmark-throttles = { function = aws_lambda_function.benchmark.function_name, metric = "Throttles", what = "benchmark invocations throttled (reserved concurrency)" }
  }
  queue_alarms = {
    ingest-dlq         = { queue = aws_sqs_queue.ingest_dlq.name, what = "uploads that failed every delivery (redrive after fixing the cause)" }
    benchmark-failures = { queue = aws_sqs_queue.benchmark_failures.name, what = "manifest events the benchmark function failed on" }
  }
}

resource "aws_cloudwatch_metric_alarm" "function" {
  for_each = local.function_alarms

  alarm_name          = "${var.name}-${each.key}"
  alarm_description   = each.value.what
  namespace           = "AWS/Lambda"
  metric_name         = each.value.metric
  dimensions          = { FunctionName = each.value.function }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "queue_depth" {
  for_each = local.queue_alarms

  alarm_name          = "${var.name}-${each.key}-depth"
  alarm_description   = each.value.what
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value.queue }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}

resource "aws_cloudwatch_metric_alarm" "heavydb_status" {
  alarm_name          = "${var.name}-heavydb-status-check"
  alarm_description   = "The HeavyDB host fails its EC2 status checks"
  namespace           = "AWS/EC2"
  metric_name         = "StatusCheckFailed"
  dimensions          = { InstanceId = aws_instance.heavydb.id }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
}
