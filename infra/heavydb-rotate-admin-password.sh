#!/usr/bin/env bash
# Applies the HeavyDB admin password that is current in Secrets Manager (AWSCURRENT) to the running server,
# logging in with the previous one (AWSPREVIOUS). Run on the HeavyDB host after `terraform apply` wrote a new
# version (docs/deploy.md, "Rotate the password"); safe to run again. Never prints a password.
set -euo pipefail
if [ -r /etc/heavydb/env ]; then . /etc/heavydb/env; fi
: "${SECRET_ARN:?}" "${AWS_REGION:?}"
umask 077

password_of() { # stage
  aws secretsmanager get-secret-value --region "$AWS_REGION" --secret-id "$SECRET_ARN" --version-stage "$1" \
    --query SecretString --output text |
    python3 -c 'import json,sys; s=sys.stdin.read().rstrip("\n"); print(json.loads(s)["password"] if s.lstrip().startswith("{") else s)'
}

can_login() { # password
  printf '\\q\n' | docker exec -i heavydb /opt/heavyai/bin/heavysql -u admin -p "$1" heavyai >/dev/null 2>&1
}

current=$(password_of AWSCURRENT)
if can_login "$current"; then
  echo "HeavyDB already accepts the current secret version; nothing to do"
  exit 0
fi
previous=$(password_of AWSPREVIOUS)
if ! can_login "$previous"; then
  echo "HeavyDB accepts neither the current nor the previous secret version; set it by hand" >&2
  exit 1
fi
# the new password travels on stdin, never on a command line
printf "ALTER USER admin (password = '%s');\n" "$current" |
  docker exec -i heavydb /opt/heavyai/bin/heavysql -u admin -p "$previous" heavyai >/dev/null
can_login "$current" && echo "HeavyDB admin password rotated to the current secret version"
