# Pinned toolchain. Terraform 1.11 is the first with write-only arguments; the HeavyDB password relies on them
# (ephemeral "random_password" -> aws_secretsmanager_secret_version.secret_string_wo), so it never enters the
# plan or the state. secret_string_wo arrived in the AWS provider 5.88.0 (February 2025) and the ephemeral
# random_password in the random provider 3.7.x (3.7.1, February 2025); the ranges below include both.
terraform {
  required_version = ">= 1.11.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.0.0, < 7.0.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.7.1, < 4.0.0"
    }
  }
}
