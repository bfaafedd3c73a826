#pragma once

class QCommandLineParser;

// `discretion sign --db FILE --case A-NUMBER --identity FILE.p12` signs the case's ready
// review; the passphrase comes from DISCRETION_PASSPHRASE or, when that is unset, from
// the first line of standard input. `discretion amend --db FILE --case A-NUMBER --reason
// TEXT` starts a new version of a signed review.
namespace SignCli {
int sign(QCommandLineParser &parser);
int amend(QCommandLineParser &parser);
// `discretion export-pdf --db FILE --case A-NUMBER --out FILE.pdf [--page-size letter|a4]`.
int exportPdf(QCommandLineParser &parser);
// `discretion verify FILE.pdf [--db FILE]`: exit 0 only when everything holds.
int verify(QCommandLineParser &parser);
// `discretion identity --name NAME --out FILE.p12 ...`: a new key and self-signed certificate.
int newIdentity(QCommandLineParser &parser);
}  // namespace SignCli
