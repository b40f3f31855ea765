#!/usr/bin/env bash
# The certificates the loopback API server needs, made once per stack folder with openssl:
# a CA, the API server's serving certificate (127.0.0.1, localhost), an admin client certificate
# (group system:masters) and the service-account signing key.
#   pki.sh DIR/pki
set -euo pipefail
pki="$1"
[ -s "$pki/admin.crt" ] && exit 0
mkdir -p "$pki" && cd "$pki"
umask 077
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -keyout ca.key -out ca.crt \
  -subj "/CN=foundry-real-stack-ca" 2>/dev/null
sign() { # name subject [extensions]
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
  openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 30 \
    -out "$1.crt" ${3:+-extfile "$3"} 2>/dev/null
  rm -f "$1.csr"
}
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >server.ext
sign apiserver "/CN=kube-apiserver" server.ext
printf 'extendedKeyUsage=clientAuth\n' >client.ext
sign admin "/O=system:masters/CN=foundry-real-stack-admin" client.ext
openssl genrsa -out service-account.key 2048 2>/dev/null
openssl rsa -in service-account.key -pubout -out service-account.pub 2>/dev/null
