# One role per function, each allowed exactly the calls its code makes. No wildcard action in any Allow.
# Resource "*" appears only where AWS has no resource-level permissions (the ENI calls Lambda makes to place a
# function in the VPC).

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

# ---- ingest ----

resource "aws_iam_role" "ingest" {
  name               = "${var.name}-ingest"
  description        = "heavy-ingest ingest function"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "ingest" {
  statement {
    sid       = "Logs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.ingest.arn}:*"]
  }

  statement {
    sid    = "VpcNetworkInterfaces"
    effect = "Allow"
    actions = [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ]
    resources = ["*"]
  }

  statement {
    sid    = "UploadQueue"
    effect = "Allow"
    actions = [
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:GetQueueAttributes",
    ]
    resources = [aws_sqs_queue.ingest.arn]
  }

  # GetObject with a versionId needs s3:GetObjectVersion; the unversioned case (If-Match eTag) needs GetObject.
  statement {
    sid       = "ReadUploads"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.data.arn}/${local.incoming_prefix}*"]
  }

  # HeadObject of manifests/<id>.json on a duplicate delivery (HeadObject is authorized as s3:GetObject).
  statement {
    sid       = "ReadManifests"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.data.arn}/${local.manifests_prefix}*"]
  }

  statement {
    sid     = "WriteManifestsAndErrorReports"
    effect  = "Allow"
    actions = ["s3:PutObject"]
    resources = [
      "${aws_s3_bucket.data.arn}/${local.manifests_prefix}*",
      "${aws_s3_bucket.data.arn}/${local.error_reports_prefix}*",
    ]
  }

  # Load claims on HeavyDB: claims/<id>.json created with If-None-Match, taken over with If-Match, deleted after the load.
  statement {
    sid       = "LoadClaims"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.data.arn}/${local.claims_prefix}*"]
  }

  # Without s3:ListBucket a missing key answers 403 instead of 404, which the code treats as transient.
  statement {
    sid       = "ListOwnPrefixes"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.data.arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.incoming_prefix}*", "${local.manifests_prefix}*", "${local.claims_prefix}*"]
    }
  }

  statement {
    sid       = "HeavyDbPassword"
    effect    = "Allow"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.heavydb.arn]
  }

  dynamic "statement" {
    for_each = local.use_kms ? [var.bucket_kms_key_arn] : []
    content {
      sid       = "BucketKey"
      effect    = "Allow"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "ingest" {
  name   = "ingest"
  role   = aws_iam_role.ingest.id
  policy = data.aws_iam_policy_document.ingest.json
}

# ---- benchmark ----

resource "aws_iam_role" "benchmark" {
  name               = "${var.name}-benchmark"
  description        = "heavy-ingest benchmark function"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "benchmark" {
  statement {
    sid       = "Logs"
    effect    = "Allow"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.benchmark.arn}:*"]
  }

  statement {
    sid    = "VpcNetworkInterfaces"
    effect = "Allow"
    actions = [
      "ec2:CreateNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSubnets",
      "ec2:DeleteNetworkInterface",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ]
    resources = ["*"]
  }

  statement {
    sid       = "ReadManifests"
    effect    = "Allow"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${aws_s3_bucket.data.arn}/${local.manifests_prefix}*"]
  }

  statement {
    sid       = "WriteReports"
    effect    = "Allow"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.data.arn}/${local.reports_prefix}*"]
  }

  statement {
    sid       = "ListOwnPrefixes"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.data.arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${local.manifests_prefix}*", "${local.reports_prefix}*"]
    }
  }

  statement {
    sid       = "FailedEvents"
    effect    = "Allow"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.benchmark_failures.arn]
  }

  statement {
    sid       = "HeavyDbPassword"
    effect    = "Allow"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.heavydb.arn]
  }

  dynamic "statement" {
    for_each = local.use_kms ? [var.bucket_kms_key_arn] : []
    content {
      sid       = "BucketKey"
      effect    = "Allow"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "benchmark" {
  name   = "benchmark"
  role   = aws_iam_role.benchmark.id
  policy = data.aws_iam_policy_document.benchmark.json
}

# ---- HeavyDB host ----

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "heavydb" {
  name               = "${var.name}-heavydb-host"
  description        = "heavy-ingest HeavyDB host: reads its admin password, managed through SSM"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

data "aws_iam_policy_document" "heavydb" {
  statement {
    sid       = "AdminPassword"
    effect    = "Allow"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = [aws_secretsmanager_secret.heavydb.arn]
  }

  # Session Manager and Run Command instead of SSH: no key pair, no open port (the rotation step uses it).
  # The calls of the SSM agent, spelled out instead of attaching AmazonSSMManagedInstanceCore, which also
  # grants parameter, document and inventory reads this host does not need.
  statement {
    sid    = "SessionManager"
    effect = "Allow"
    actions = [
      "ssm:UpdateInstanceInformation",
      "ssm:ListInstanceAssociations",
      "ssm:UpdateInstanceAssociationStatus",
      "ssmmessages:CreateControlChannel",
      "ssmmessages:CreateDataChannel",
      "ssmmessages:OpenControlChannel",
      "ssmmessages:OpenDataChannel",
      "ec2messages:AcknowledgeMessage",
      "ec2messages:DeleteMessage",
      "ec2messages:FailMessage",
      "ec2messages:GetEndpoint",
      "ec2messages:GetMessages",
      "ec2messages:SendReply",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "heavydb" {
  name   = "heavydb-host"
  role   = aws_iam_role.heavydb.id
  policy = data.aws_iam_policy_document.heavydb.json
}

resource "aws_iam_instance_profile" "heavydb" {
  name = "${var.name}-heavydb-host"
  role = aws_iam_role.heavydb.name
}
