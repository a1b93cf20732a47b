variable "region" {
  description = "AWS region for every resource."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must look like us-east-1."
  }
}

variable "name" {
  description = "Prefix of every resource name (bucket, functions, roles, host). Lower case, digits and dashes."
  type        = string
  default     = "heavy-ingest"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name))
    error_message = "name must be 3-32 characters of a-z, 0-9 and '-', starting with a letter."
  }
}

variable "tags" {
  description = "Extra tags on every resource."
  type        = map(string)
  default     = {}
}

variable "bucket_name" {
  description = "Name of the data bucket; null derives <name>-<account id>-<region>."
  type        = string
  default     = null

  validation {
    condition     = var.bucket_name == null || can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name (3-63 characters, lower case)."
  }
}

variable "bucket_kms_key_arn" {
  description = "KMS key ARN for the bucket's default encryption (SSE-KMS); null uses SSE-S3. The functions get kms:Decrypt/GenerateDataKey on this key only when it is set."
  type        = string
  default     = null

  validation {
    condition     = var.bucket_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.bucket_kms_key_arn))
    error_message = "bucket_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "force_destroy_bucket" {
  description = "Let terraform destroy delete a bucket that still holds objects (every version). Off by default."
  type        = bool
  default     = false
}

variable "error_report_retention_days" {
  description = "Days after which error reports (reports/errors/) expire."
  type        = number
  default     = 90

  validation {
    condition     = var.error_report_retention_days >= 1
    error_message = "error_report_retention_days must be at least 1."
  }
}

variable "compliance_report_retention_days" {
  description = "Days after which per-dataset compliance reports (reports/<datasetId>/) expire; reports/latest.* never expires."
  type        = number
  default     = 365

  validation {
    condition     = var.compliance_report_retention_days >= 1
    error_message = "compliance_report_retention_days must be at least 1."
  }
}

variable "noncurrent_version_retention_days" {
  description = "Days a replaced or deleted object version is kept before it expires (bucket versioning)."
  type        = number
  default     = 30

  validation {
    condition     = var.noncurrent_version_retention_days >= 1
    error_message = "noncurrent_version_retention_days must be at least 1."
  }
}

variable "function_zip" {
  description = "Path of the function package built by ./mvnw package (JVM mode zip, or the native zip with a bootstrap)."
  type        = string
  default     = "../target/function.zip"
}

variable "lambda_runtime" {
  description = "Lambda runtime: java21 (JVM-mode zip, SnapStart possible) or provided.al2023 (native zip from ./mvnw package -Pnative)."
  type        = string
  default     = "java21"

  validation {
    condition     = contains(["java21", "provided.al2023"], var.lambda_runtime)
    error_message = "lambda_runtime must be java21 or provided.al2023."
  }
}

variable "snap_start" {
  description = "Enable SnapStart on published versions (java21 only). The password is dropped before the snapshot and read again after restore."
  type        = bool
  default     = true
}

variable "ingest_memory_mb" {
  description = "Memory of the ingest function in MB. Lambda's CPU share grows with memory (one vCPU at 1769 MB) and a load is CPU-bound (parse, encode), so 2048 gives about 1.2 vCPUs for both parse threads at about the same cost per load (shorter runs). 1024 is the floor: about 600 MB peak RSS was measured under Lambda's JVM flags."
  type        = number
  default     = 2048

  validation {
    condition     = var.ingest_memory_mb >= 1024 && var.ingest_memory_mb <= 10240
    error_message = "ingest_memory_mb must be 1024..10240 (below 1024 the measured ~600 MB RSS leaves no headroom)."
  }
}

variable "ingest_timeout_seconds" {
  description = "Timeout of the ingest function. The SQS visibility timeout is set to six times this value."
  type        = number
  default     = 300

  validation {
    condition     = var.ingest_timeout_seconds >= 60 && var.ingest_timeout_seconds <= 900
    error_message = "ingest_timeout_seconds must be 60..900."
  }
}

variable "ingest_reserved_concurrency" {
  description = "Reserved concurrency of the ingest function: 1 keeps one loader at a time until HeavyDB claims are proven (see docs/ingest-function.md)."
  type        = number
  default     = 1

  validation {
    condition     = var.ingest_reserved_concurrency >= 1 && var.ingest_reserved_concurrency <= 10
    error_message = "ingest_reserved_concurrency must be 1..10."
  }
}

variable "ingest_max_receive_count" {
  description = "Deliveries of one upload message before it moves to the dead-letter queue. Above 1 so a throttled delivery (reserved concurrency 1) is not dead-lettered at once."
  type        = number
  default     = 5

  validation {
    condition     = var.ingest_max_receive_count >= 2 && var.ingest_max_receive_count <= 20
    error_message = "ingest_max_receive_count must be 2..20."
  }
}

variable "benchmark_memory_mb" {
  description = "Memory of the benchmark function in MB; Lambda's CPU share grows with memory (about 2 vCPU at 3008 MB), and the optimizer sweep is CPU bound."
  type        = number
  default     = 3008

  validation {
    condition     = var.benchmark_memory_mb >= 1024 && var.benchmark_memory_mb <= 10240
    error_message = "benchmark_memory_mb must be 1024..10240."
  }
}

variable "benchmark_timeout_seconds" {
  description = "Timeout of the benchmark function (the optimization target alone is 300 s)."
  type        = number
  default     = 900

  validation {
    condition     = var.benchmark_timeout_seconds >= 300 && var.benchmark_timeout_seconds <= 900
    error_message = "benchmark_timeout_seconds must be 300..900."
  }
}

variable "benchmark_reserved_concurrency" {
  description = "Reserved concurrency of the benchmark function: 1 so two benchmarks never share the GPU host and skew each other's figures."
  type        = number
  default     = 1

  validation {
    condition     = var.benchmark_reserved_concurrency >= 1 && var.benchmark_reserved_concurrency <= 10
    error_message = "benchmark_reserved_concurrency must be 1..10."
  }
}

variable "log_retention_days" {
  description = "Retention of the functions' CloudWatch log groups, in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "alarm_email" {
  description = "E-mail address subscribed to the alarms' SNS topic; null creates the topic without a subscription."
  type        = string
  default     = null

  validation {
    condition     = var.alarm_email == null || can(regex("^[^@ ]+@[^@ ]+\\.[^@ ]+$", var.alarm_email))
    error_message = "alarm_email must be an e-mail address."
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC created for the functions and the HeavyDB host."
  type        = string
  default     = "10.42.0.0/16"

  validation {
    condition     = can(cidrnetmask(var.vpc_cidr)) && tonumber(split("/", var.vpc_cidr)[1]) <= 20
    error_message = "vpc_cidr must be an IPv4 CIDR of /20 or larger."
  }
}

variable "heavydb_instance_type" {
  description = "EC2 instance type of the HeavyDB host; an NVIDIA GPU type. Default g6.xlarge: one L4 (24 GB), 4 vCPU, 16 GiB."
  type        = string
  default     = "g6.xlarge"

  validation {
    condition     = can(regex("^(g4dn|g5|g6|g6e|gr6|p3|p4d|p4de|p5|p5e)\\.[0-9a-z]+$", var.heavydb_instance_type))
    error_message = "heavydb_instance_type must be an NVIDIA GPU instance type (g4dn, g5, g6, g6e, gr6, p3, p4d, p5 families)."
  }
}

variable "heavydb_ami_id" {
  description = "AMI of the HeavyDB host; null picks the latest Canonical Ubuntu 22.04 LTS amd64 (cloud-init installs the NVIDIA driver)."
  type        = string
  default     = null

  validation {
    condition     = var.heavydb_ami_id == null || can(regex("^ami-[0-9a-f]{8,17}$", var.heavydb_ami_id))
    error_message = "heavydb_ami_id must be an AMI id (ami-...)."
  }
}

variable "heavydb_subnet_index" {
  description = "Which of the private subnets (0 or 1) hosts HeavyDB; null picks the first."
  type        = number
  default     = null

  validation {
    condition     = var.heavydb_subnet_index == null || contains([0, 1], var.heavydb_subnet_index)
    error_message = "heavydb_subnet_index must be 0 or 1."
  }
}

variable "heavydb_data_volume_gb" {
  description = "Size of the encrypted gp3 EBS volume holding HeavyDB's storage directory, in GiB."
  type        = number
  default     = 200

  validation {
    condition     = var.heavydb_data_volume_gb >= 50 && var.heavydb_data_volume_gb <= 16384
    error_message = "heavydb_data_volume_gb must be 50..16384."
  }
}

variable "heavydb_image" {
  description = "HeavyDB container image run on the host (open-source CUDA build by default)."
  type        = string
  default     = "heavyai/heavyai-ce-cuda:v8.1.0"
}

variable "heavydb_gpu_buffer_gb" {
  description = "HeavyDB gpu-buffer-mem-bytes in GiB; 0 lets HeavyDB take the GPU memory it needs."
  type        = number
  default     = 0

  validation {
    condition     = var.heavydb_gpu_buffer_gb >= 0
    error_message = "heavydb_gpu_buffer_gb must not be negative."
  }
}

variable "heavydb_cpu_buffer_gb" {
  description = "HeavyDB cpu-buffer-mem-bytes in GiB; keep it below the instance's RAM minus a few GiB for the OS."
  type        = number
  default     = 8

  validation {
    condition     = var.heavydb_cpu_buffer_gb >= 1
    error_message = "heavydb_cpu_buffer_gb must be at least 1."
  }
}

variable "heavydb_database" {
  description = "Database the functions load into (part of HEAVYDB_URL)."
  type        = string
  default     = "heavyai"

  validation {
    condition     = can(regex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", var.heavydb_database))
    error_message = "heavydb_database must be an identifier."
  }
}

variable "heavydb_password_version" {
  description = "Version of the generated HeavyDB admin password. Increase it by one to rotate (docs/deploy.md): the next apply writes a new secret value."
  type        = number
  default     = 1

  validation {
    condition     = var.heavydb_password_version >= 1 && floor(var.heavydb_password_version) == var.heavydb_password_version
    error_message = "heavydb_password_version must be a whole number >= 1."
  }
}

variable "secret_recovery_window_days" {
  description = "Days a deleted HeavyDB secret can still be restored (0 deletes at once, 7..30 otherwise)."
  type        = number
  default     = 7

  validation {
    condition     = var.secret_recovery_window_days == 0 || (var.secret_recovery_window_days >= 7 && var.secret_recovery_window_days <= 30)
    error_message = "secret_recovery_window_days must be 0 or 7..30."
  }
}
