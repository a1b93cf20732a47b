# Names and addresses only. The HeavyDB password is never an output: read it from the secret when needed
# (docs/deploy.md).

output "bucket_name" {
  description = "Data bucket: drop CSVs under incoming/, read reports under reports/."
  value       = aws_s3_bucket.data.id
}

output "ingest_function_name" {
  description = "Name of the ingest function."
  value       = aws_lambda_function.ingest.function_name
}

output "ingest_function_arn" {
  description = "ARN of the ingest function's live alias (what SQS invokes)."
  value       = aws_lambda_alias.ingest.arn
}

output "benchmark_function_name" {
  description = "Name of the benchmark function (invoke the live alias with {} to benchmark the current dataset)."
  value       = aws_lambda_function.benchmark.function_name
}

output "benchmark_function_arn" {
  description = "ARN of the benchmark function's live alias (what S3 invokes)."
  value       = aws_lambda_alias.benchmark.arn
}

output "heavydb_private_address" {
  description = "Private IP address of the HeavyDB host (port 6274, reachable from the functions' security group only)."
  value       = aws_instance.heavydb.private_ip
}

output "heavydb_instance_id" {
  description = "Instance id of the HeavyDB host (for Session Manager and the password rotation step)."
  value       = aws_instance.heavydb.id
}

output "heavydb_url" {
  description = "HEAVYDB_URL the functions use (no password in it)."
  value       = local.common_environment.HEAVYDB_URL
}

output "heavydb_password_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the HeavyDB admin password (the value itself is never output)."
  value       = aws_secretsmanager_secret.heavydb.arn
}

output "ingest_dead_letter_queue_url" {
  description = "Dead-letter queue of uploads that failed every delivery."
  value       = aws_sqs_queue.ingest_dlq.url
}
