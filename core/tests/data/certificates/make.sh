#!/bin/sh
# Makes the certificate fixtures beside this script with openssl (3.0 or later). The dates are
# fixed, so the tests pass "today" as 2026-06-01 (TODAY in core/tests/certificates.rs):
#   leaf-expiring-soon.pem ends 10 days after it, inside the one-month notice;
#   leaf-expired.pem and intermediate-expired.pem ended before it.
# Keys are made anew on each run, so the bytes change but every property the tests read stays.
# Run: sh core/tests/data/certificates/make.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir issued
: > index.txt
echo 1000 > serial

cat > ca.cnf <<CNF
[ca]
default_ca = private_ca
[private_ca]
database = $work/index.txt
new_certs_dir = $work/issued
serial = $work/serial
default_md = sha256
policy = any_name
preserve = yes
unique_subject = no
email_in_dn = no
copy_extensions = none
[any_name]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
CNF

cat > extensions.cnf <<'CNF'
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[intermediate]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[both]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = $ENV::SAN
[server_only]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = $ENV::SAN
[client_only]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = $ENV::SAN
[no_eku]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = $ENV::SAN
[any_eku]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = anyExtendedKeyUsage
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
subjectAltName = $ENV::SAN
[self_signed]
basicConstraints = CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectKeyIdentifier = hash
subjectAltName = $ENV::SAN
CNF

export SAN="DNS:fe01.contoso.example"

# key NAME KIND: a new private key, RSA 2048 or EC P-256.
key() {
    case $2 in
        rsa) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$1.key" 2>/dev/null ;;
        ec) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1.key" ;;
    esac
}

# issue NAME SUBJECT ISSUER EXTENSIONS FROM UNTIL [KIND]: NAME.pem, signed by ISSUER's key
# (ISSUER "self" for a self-signed one), valid FROM to UNTIL (YYMMDDHHMMSSZ).
issue() {
    name=$1 subject=$2 issuer=$3 extensions=$4 from=$5 until=$6 kind=${7:-ec}
    [ -f "$name.key" ] || key "$name" "$kind"
    openssl req -new -key "$name.key" -subj "$subject" -out "$name.csr"
    if [ "$issuer" = self ]; then
        signer="-selfsign -keyfile $name.key"
    else
        signer="-cert $issuer.pem -keyfile $issuer.key"
    fi
    # shellcheck disable=SC2086
    openssl ca -batch -notext -config ca.cnf $signer -in "$name.csr" -out "$name.pem" \
        -startdate "$from" -enddate "$until" -extfile extensions.cnf -extensions "$extensions" 2>/dev/null
}

# A private PKI: root, intermediate, and Front End certificates under it.
issue root "/C=SE/O=Contoso/CN=Contoso Private Root CA" self root 200101000000Z 400101000000Z rsa
issue intermediate "/C=SE/O=Contoso/CN=Contoso Issuing CA 1" root intermediate 210101000000Z 310101000000Z rsa
SAN="DNS:fe01.contoso.example,DNS:pool.contoso.example" \
    issue leaf-both "/C=SE/O=Contoso/CN=fe01.contoso.example" intermediate both 260101000000Z 270101000000Z rsa
issue leaf-server-only "/C=SE/O=Contoso/CN=fe01.contoso.example" intermediate server_only 260101000000Z 270101000000Z
issue leaf-client-only "/C=SE/O=Contoso/CN=fe01.contoso.example" intermediate client_only 260101000000Z 270101000000Z
issue leaf-no-eku "/C=SE/O=Contoso/CN=fe01.contoso.example" intermediate no_eku 260101000000Z 270101000000Z
issue leaf-any-eku "/C=SE/O=Contoso/CN=fe01.contoso.example" intermediate any_eku 260101000000Z 270101000000Z
issue leaf-wildcard-cn "/C=SE/O=Contoso/CN=*.contoso.example" intermediate both 260101000000Z 270101000000Z
SAN="DNS:fe01.contoso.example,DNS:*.contoso.example" \
    issue leaf-wildcard-san "/C=SE/O=Contoso/CN=fe01.contoso.example" intermediate both 260101000000Z 270101000000Z
issue leaf-expired "/C=SE/O=Contoso/CN=fe01.contoso.example" intermediate both 240101000000Z 250101000000Z
issue leaf-expiring-soon "/C=SE/O=Contoso/CN=fe01.contoso.example" intermediate both 260101000000Z 260611000000Z

# An intermediate that expired on 2026-01-01 and one Front End certificate under it.
issue intermediate-expired "/C=SE/O=Contoso/CN=Contoso Issuing CA 0" root intermediate 160101000000Z 260101000000Z
issue leaf-under-expired "/C=SE/O=Contoso/CN=med01.contoso.example" intermediate-expired both 250601000000Z 260601000000Z

# A second CA with the first intermediate's name but another key: its certificate names the
# right issuer, yet its authority key identifier is not the intermediate's.
issue other-intermediate "/C=SE/O=Contoso/CN=Contoso Issuing CA 1" root intermediate 210101000000Z 310101000000Z
issue leaf-other-key "/C=SE/O=Contoso/CN=fe01.contoso.example" other-intermediate both 260101000000Z 270101000000Z

# A self-signed Front End certificate: its own root.
issue self-signed "/C=SE/O=Contoso/CN=fe01.contoso.example" self self_signed 260101000000Z 270101000000Z

# Names a public CA uses, on a key made here: the check matches names only, and says so.
issue lookalike-root "/C=US/O=DigiCert Inc/OU=www.digicert.com/CN=DigiCert Global Root G2" self root 200101000000Z 400101000000Z
issue lookalike-intermediate "/C=US/O=DigiCert Inc/CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1" lookalike-root intermediate 210101000000Z 310101000000Z
issue public-leaf "/C=SE/O=Contoso/CN=fe01.contoso.example" lookalike-intermediate both 260101000000Z 270101000000Z

# An issuer neither given nor on the list of public CA names.
issue unknown-intermediate "/C=SE/O=Fabrikam Trust Services/CN=Fabrikam TLS CA" root intermediate 210101000000Z 310101000000Z
issue unknown-issuer-leaf "/C=SE/O=Contoso/CN=fe01.contoso.example" unknown-intermediate both 260101000000Z 270101000000Z

out=$here
rm -f "$out"/*.pem "$out"/*.cer "$out"/*.b64 "$out"/*.p7b
for name in root intermediate leaf-both leaf-server-only leaf-client-only leaf-no-eku leaf-any-eku \
    leaf-wildcard-cn leaf-wildcard-san leaf-expired leaf-expiring-soon intermediate-expired \
    self-signed public-leaf unknown-issuer-leaf; do
    cp "$name.pem" "$out/$name.pem"
done
cat leaf-both.pem intermediate.pem root.pem > "$out/chain-in-order.pem"
cat root.pem leaf-both.pem intermediate.pem > "$out/chain-out-of-order.pem"
cat leaf-both.pem root.pem > "$out/chain-missing-intermediate.pem"
cat leaf-under-expired.pem intermediate-expired.pem root.pem > "$out/chain-expired-intermediate.pem"
cat leaf-other-key.pem intermediate.pem root.pem > "$out/chain-other-key.pem"
cat public-leaf.pem lookalike-intermediate.pem lookalike-root.pem > "$out/chain-public-lookalike.pem"
cat intermediate.pem root.pem > "$out/ca-only.pem"
# The same Front End certificate as DER, as Base64 without PEM lines, and as a PKCS #7 bundle.
openssl x509 -in leaf-both.pem -outform DER -out "$out/leaf-both.cer"
openssl x509 -in leaf-both.pem -outform DER | openssl base64 -A > "$out/leaf-both.b64"
openssl crl2pkcs7 -nocrl -certfile "$out/chain-in-order.pem" -out "$out/chain-in-order.p7b"
# A private key: the check must refuse it and say why.
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/private-key.pem"
echo "made $(ls "$out" | wc -l) files in $out"
