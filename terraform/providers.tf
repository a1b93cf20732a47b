provider "aws" {
  region = var.region

  default_tags {
    tags = merge(var.tags, {
      Project   = "heavy-ingest"
      ManagedBy = "terraform"
    })
  }
}

data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}
