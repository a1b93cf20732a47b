# One VPC: two private subnets (functions and HeavyDB), one public subnet with a NAT gateway that the HeavyDB
# host uses to install its driver and pull its image. The functions reach S3 through a gateway endpoint and
# Secrets Manager through an interface endpoint, so their traffic never needs the NAT.

resource "aws_vpc" "main" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = var.name }
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, count.index)
  availability_zone = local.azs[count.index]

  tags = { Name = "${var.name}-private-${local.azs[count.index]}" }
}

resource "aws_subnet" "public" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 4, 15)
  availability_zone = local.azs[0]

  tags = { Name = "${var.name}-public-${local.azs[0]}" }
}

resource "aws_internet_gateway" "main" {
  vpc_id = aws_vpc.main.id

  tags = { Name = var.name }
}

resource "aws_eip" "nat" {
  domain = "vpc"

  tags = { Name = "${var.name}-nat" }
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id

  tags       = { Name = var.name }
  depends_on = [aws_internet_gateway.main]
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.main.id
  }

  tags = { Name = "${var.name}-public" }
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id

  route {
    cidr_block     = "0.0.0.0/0"
    nat_gateway_id = aws_nat_gateway.main.id
  }

  tags = { Name = "${var.name}-private" }
}

resource "aws_route_table_association" "private" {
  count          = 2
  subnet_id      = aws_subnet.private[count.index].id
  route_table_id = aws_route_table.private.id
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.main.id
  service_name      = "com.amazonaws.${var.region}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = [aws_route_table.private.id]

  tags = { Name = "${var.name}-s3" }
}

resource "aws_vpc_endpoint" "secretsmanager" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.secretsmanager"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]
  private_dns_enabled = true

  tags = { Name = "${var.name}-secretsmanager" }
}

# ---- security groups ----

resource "aws_security_group" "functions" {
  name        = "${var.name}-functions"
  description = "heavy-ingest Lambda functions: egress to HeavyDB, S3 (gateway endpoint) and Secrets Manager"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${var.name}-functions" }
}

resource "aws_vpc_security_group_egress_rule" "functions_to_heavydb" {
  security_group_id            = aws_security_group.functions.id
  description                  = "HeavyDB Thrift binary protocol"
  ip_protocol                  = "tcp"
  from_port                    = local.heavydb_port
  to_port                      = local.heavydb_port
  referenced_security_group_id = aws_security_group.heavydb.id
}

resource "aws_vpc_security_group_egress_rule" "functions_to_s3" {
  security_group_id = aws_security_group.functions.id
  description       = "S3 through the gateway endpoint"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id
}

resource "aws_vpc_security_group_egress_rule" "functions_to_endpoints" {
  security_group_id            = aws_security_group.functions.id
  description                  = "Secrets Manager interface endpoint"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.endpoints.id
}

resource "aws_security_group" "endpoints" {
  name        = "${var.name}-endpoints"
  description = "Interface endpoints: HTTPS from the functions and the HeavyDB host"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${var.name}-endpoints" }
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_from_functions" {
  security_group_id            = aws_security_group.endpoints.id
  description                  = "HTTPS from the functions"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.functions.id
}

resource "aws_vpc_security_group_ingress_rule" "endpoints_from_heavydb" {
  security_group_id            = aws_security_group.endpoints.id
  description                  = "HTTPS from the HeavyDB host (reads its admin password)"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.heavydb.id
}

resource "aws_security_group" "heavydb" {
  name        = "${var.name}-heavydb"
  description = "HeavyDB host: 6274 from the functions only; egress for packages, images and AWS APIs"
  vpc_id      = aws_vpc.main.id

  tags = { Name = "${var.name}-heavydb" }
}

resource "aws_vpc_security_group_ingress_rule" "heavydb_from_functions" {
  security_group_id            = aws_security_group.heavydb.id
  description                  = "HeavyDB Thrift binary protocol from the functions"
  ip_protocol                  = "tcp"
  from_port                    = local.heavydb_port
  to_port                      = local.heavydb_port
  referenced_security_group_id = aws_security_group.functions.id
}

resource "aws_vpc_security_group_egress_rule" "heavydb_https" {
  security_group_id = aws_security_group.heavydb.id
  description       = "HTTPS: NVIDIA and Ubuntu packages, container registry, Secrets Manager, SSM"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "heavydb_http" {
  security_group_id = aws_security_group.heavydb.id
  description       = "HTTP: Ubuntu package mirrors"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}
