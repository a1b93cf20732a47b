# The GPU HeavyDB host: private subnet, no public address, 6274 reachable from the functions only, IMDSv2,
# encrypted root and data volumes, set up by cloud-init from infra/ (driver, container toolkit, HeavyDB with
# infra/heavy.conf.tftpl, admin password from Secrets Manager).

data "aws_ami" "ubuntu" {
  count       = var.heavydb_ami_id == null ? 1 : 0
  most_recent = true
  owners      = ["099720109477"] # Canonical

  filter {
    name   = "name"
    values = ["ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"]
  }

  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

resource "aws_ebs_volume" "heavydb_data" {
  availability_zone = aws_subnet.private[local.heavydb_subnet].availability_zone
  size              = var.heavydb_data_volume_gb
  type              = "gp3"
  encrypted         = true

  tags = { Name = "${var.name}-heavydb-data" }
}

resource "aws_instance" "heavydb" {
  ami                         = coalesce(var.heavydb_ami_id, one(data.aws_ami.ubuntu[*].id))
  instance_type               = var.heavydb_instance_type
  subnet_id                   = aws_subnet.private[local.heavydb_subnet].id
  vpc_security_group_ids      = [aws_security_group.heavydb.id]
  iam_instance_profile        = aws_iam_instance_profile.heavydb.name
  associate_public_ip_address = false
  user_data_replace_on_change = false

  user_data = templatefile("${path.module}/../infra/heavydb-cloud-init.yaml.tftpl", {
    region           = var.region
    secret_arn       = aws_secretsmanager_secret.heavydb.arn
    data_volume_id   = aws_ebs_volume.heavydb_data.id
    heavydb_image    = var.heavydb_image
    heavydb_port     = local.heavydb_port
    heavydb_database = var.heavydb_database
    heavy_conf = templatefile("${path.module}/../infra/heavy.conf.tftpl", {
      port             = local.heavydb_port
      gpu_buffer_bytes = floor(var.heavydb_gpu_buffer_gb * 1073741824)
      cpu_buffer_bytes = floor(var.heavydb_cpu_buffer_gb * 1073741824)
    })
    rotate_script = file("${path.module}/../infra/heavydb-rotate-admin-password.sh")
  })

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  root_block_device {
    volume_type = "gp3"
    volume_size = 100
    encrypted   = true
  }

  tags = { Name = "${var.name}-heavydb" }

  lifecycle {
    # a newer Ubuntu AMI must not replace the database host on the next apply
    ignore_changes = [ami]
  }

  depends_on = [aws_secretsmanager_secret_version.heavydb, aws_nat_gateway.main]
}

resource "aws_volume_attachment" "heavydb_data" {
  device_name = "/dev/sdf"
  volume_id   = aws_ebs_volume.heavydb_data.id
  instance_id = aws_instance.heavydb.id
}
