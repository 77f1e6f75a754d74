# mkcerts.sh DIR: a throwaway CA and a server certificate for localhost
# and 127.0.0.1 signed by it, written into DIR for the tls tests.
set -eu
d=$1
q() { "$@" >/dev/null 2>&1; }
q openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -keyout "$d/ca.key" -out "$d/ca.pem" -days 2 -subj /CN=test-ca
q openssl req -new -newkey rsa:2048 -nodes -keyout "$d/server.key" \
    -out "$d/server.csr" -subj /CN=localhost
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$d/ext"
q openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" \
    -CAcreateserial -out "$d/server.pem" -days 2 -extfile "$d/ext"
cat "$d/server.pem" "$d/ca.pem" >"$d/chain.pem"
q openssl x509 -in "$d/server.pem" -outform DER -out "$d/server.der"
q openssl pkey -in "$d/server.key" -outform DER -out "$d/server-key.der"
q openssl pkey -in "$d/server.key" -aes256 -passout pass:secret \
    -out "$d/encrypted.key"
q openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 \
    -out "$d/ec.key"
q openssl genpkey -genparam -algorithm DH -pkeyopt group:ffdhe2048 \
    -out "$d/dh.pem"
mkdir "$d/certs"
cp "$d/ca.pem" "$d/certs/"
q openssl rehash "$d/certs"
