# The data bucket: incoming/ (uploads), manifests/ (ingest -> benchmark), reports/ (compliance and error reports).

resource "aws_s3_bucket" "data" {
  bucket        = local.bucket_name
  force_destroy = var.force_destroy_bucket
}

resource "aws_s3_bucket_ownership_controls" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Versioning gives every upload its own identity (bucket + key + versionId): a re-upload of the same key is a
# new dataset, a redelivered event of the same version is a duplicate.
resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = local.use_kms ? "aws:kms" : "AES256"
      kms_master_key_id = local.use_kms ? var.bucket_kms_key_arn : null
    }
    bucket_key_enabled = local.use_kms
  }
}

data "aws_iam_policy_document" "bucket" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.data.arn,
      "${aws_s3_bucket.data.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.bucket.json

  depends_on = [aws_s3_bucket_public_access_block.data]
}

# Expiry without touching reports/latest.*: lifecycle filters can only include prefixes, so per-dataset reports
# are matched by their first character. Dataset ids are lower-case hex (ingest/DatasetIds), "latest" starts
# with "l" and is never matched. "reports/e" also covers reports/errors/, whose own, normally shorter, rule wins
# (S3 applies the earliest expiration of overlapping rules).
resource "aws_s3_bucket_lifecycle_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    id     = "error-reports"
    status = "Enabled"

    filter {
      prefix = local.error_reports_prefix
    }

    expiration {
      days = var.error_report_retention_days
    }
  }

  dynamic "rule" {
    for_each = toset(split("", "0123456789abcdef"))

    content {
      id     = "compliance-reports-${rule.value}"
      status = "Enabled"

      filter {
        prefix = "${local.reports_prefix}${rule.value}"
      }

      expiration {
        days = var.compliance_report_retention_days
      }
    }
  }

  rule {
    id     = "old-versions-and-uploads"
    status = "Enabled"

    filter {}

    noncurrent_version_expiration {
      noncurrent_days = var.noncurrent_version_retention_days
    }

    abort_incomplete_multipart_upload {
      days_after_initiation = 7
    }
  }

  depends_on = [aws_s3_bucket_versioning.data]
}
