# Exactly one notification configuration per bucket (S3 keeps one; a second resource would overwrite the
# first). Filters are case-sensitive: upper-case suffixes (.CSV) are not loaded. Outputs under reports/ (which
# includes reports/errors/) are never a trigger, and the ingest function writes only manifests/ and reports/.
resource "aws_s3_bucket_notification" "data" {
  bucket = aws_s3_bucket.data.id

  queue {
    id            = "uploads-csv"
    queue_arn     = aws_sqs_queue.ingest.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = local.incoming_prefix
    filter_suffix = ".csv"
  }

  queue {
    id            = "uploads-csv-gz"
    queue_arn     = aws_sqs_queue.ingest.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = local.incoming_prefix
    filter_suffix = ".csv.gz"
  }

  lambda_function {
    id                  = "manifests"
    lambda_function_arn = aws_lambda_alias.benchmark.arn
    events              = ["s3:ObjectCreated:*"]
    filter_prefix       = local.manifests_prefix
    filter_suffix       = ".json"
  }

  depends_on = [
    aws_lambda_permission.benchmark_from_s3,
    aws_sqs_queue_policy.ingest,
  ]
}
