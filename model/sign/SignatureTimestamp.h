#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

// RFC 3161 signature timestamps (PAdES B-T): a time-stamp authority signs the hash of a
// CMS signature's value with the time it saw it, so the signature provably existed then,
// whatever the signer's clock said and after the certificate expires. OpenSSL's TS API
// makes the request and checks the reply and the token; nothing here is hand-written.
namespace SignatureTimestamp {
// A request over the SHA-256 of a signature value, with a random nonce, asking for the
// authority's certificate in the token.
struct Request {
    QByteArray der;
    QByteArray imprintOf;  // the signature value it covers
    QByteArray nonce;      // DER INTEGER, compared with the reply's
};
Request request(const QByteArray &signatureValue);

// The token (a DER ContentInfo) of the authority's reply, once checked: granted, the same
// imprint and nonce as the request, its signature good over its content by a certificate
// for timestamping. Empty with the reason in *error otherwise.
QByteArray tokenFrom(const QByteArray &reply, const Request &request, QString *error);

// Asks the authority at url (HTTP POST, application/timestamp-query) and checks the reply.
// Waits at most timeoutMs; a refused connection, an HTTP error and a bad reply each say so.
QByteArray fetch(const QUrl &url, const QByteArray &signatureValue, int timeoutMs, QString *error);

// The first signer's signature value of a DER CMS signature; empty if it has none.
QByteArray signatureValueOf(const QByteArray &cms);
// The CMS with token added as its first signer's signature-time-stamp (an unsigned
// attribute, so the signature itself is unchanged). Empty with *error on failure.
QByteArray withToken(const QByteArray &cms, const QByteArray &token, QString *error);

// What the timestamp on a CMS signature says, checked against that signature's value.
struct Check {
    bool present = false;
    bool valid = false;               // the token is sound and covers this signature
    QDateTime time;                   // the authority's genTime (UTC)
    QString authority;                // its certificate's common name (else its subject)
    QByteArray authorityCertificate;  // DER
    QString problem;                  // why not valid
};
Check check(const QByteArray &cms);
// A document timestamp (PAdES B-LTA, SubFilter ETSI.RFC3161): the token is the whole
// signature value, over the bytes its /ByteRange covers.
Check checkDocument(const QByteArray &token, const QByteArray &covered);
}  // namespace SignatureTimestamp
