#include "ValidationData.h"

#include "Revocation.h"
#include "files/InputFile.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ValidationData", text);
}

// Up to a self-signed root, leaf first; empty with *error when an issuer is missing.
QList<QByteArray> chainOf(const QByteArray &leaf, const QList<QByteArray> &candidates,
                          QString *error) {
    QList<QByteArray> chain{leaf};
    while (!Revocation::selfIssued(chain.last())) {
        const QByteArray issuer = Revocation::issuerOf(chain.last(), candidates);
        if (issuer.isEmpty() || chain.contains(issuer) || chain.size() > 8) {
            *error = tr("the certificate that issued %1 is not at hand: give the CA "
                        "certificates with --chain FILE")
                         .arg(Revocation::nameOf(chain.last()));
            return {};
        }
        chain << issuer;
    }
    return chain;
}

// A CRL for certificate from its issuer: a given one, else one fetched from its
// distribution points. Refuses a revoked certificate and says what is missing.
bool addCrlFor(const QByteArray &certificate, const QList<QByteArray> &certificates,
               const ValidationSources &sources, const QDateTime &now, ValidationData &out,
               QString *error) {
    QList<QByteArray> known = sources.crls + out.crls;
    Revocation::Status status = Revocation::of(certificate, certificates, known);
    QStringList tried;
    const QStringList named = Revocation::distributionPoints(certificate);
    const QStringList points = sources.fetchCrls ? named : QStringList();
    for (qsizetype i = 0; status.state == Revocation::Status::State::Unknown && i < points.size();
         ++i) {
        QString problem;
        const QByteArray fetched = CrlFetch::get(points[i], sources.timeoutMs, &problem);
        if (fetched.isEmpty()) {
            tried << problem;
            continue;
        }
        known << fetched;
        status = Revocation::of(certificate, certificates, known);
    }
    const QString name = Revocation::nameOf(certificate);
    if (status.state == Revocation::Status::State::Revoked && sources.refuseRevoked) {
        *error = tr("the certificate of %1 is %2: it cannot sign").arg(name, status.text());
        return false;
    }
    if (status.state == Revocation::Status::State::Good && status.crlNextUpdate.isValid() &&
        status.crlNextUpdate < now) {
        *error = tr("the newest CRL for %1 is out of date (%2 promised the next by %3): give a "
                    "current one with --crl FILE")
                     .arg(name, status.crlIssuer, status.crlNextUpdate.toString(Qt::ISODate));
        return false;
    }
    if (status.state == Revocation::Status::State::Unknown) {
        *error =
            tr("no revocation data for %1 (%2)%3: give its CRL with --crl FILE")
                .arg(name, status.problem,
                     !tried.isEmpty()  ? QStringLiteral("; ") + tried.join(u"; ")
                     : named.isEmpty() ? tr("; it names no CRL distribution point")
                                       : tr("; its distribution point %1 was not asked (offline)")
                                             .arg(named.first()));
        return false;
    }
    for (const QByteArray &crl : known)
        if (!out.crls.contains(crl) && Revocation::of(certificate, certificates, {crl}).state !=
                                           Revocation::Status::State::Unknown)
            out.crls << crl;
    return true;
}
}  // namespace

std::optional<ValidationData> ValidationData::gather(const QList<QByteArray> &leaves,
                                                     const ValidationSources &sources,
                                                     const QDateTime &now, QString *error) {
    ValidationData out;
    for (const QByteArray &leaf : leaves) {
        const QList<QByteArray> chain = chainOf(leaf, sources.chain + leaves, error);
        if (chain.isEmpty())
            return std::nullopt;
        for (const QByteArray &cert : chain)
            if (!out.certificates.contains(cert))
                out.certificates << cert;
    }
    for (const QByteArray &cert : QList<QByteArray>(out.certificates))
        if (!Revocation::selfIssued(cert) &&
            !addCrlFor(cert, out.certificates, sources, now, out, error))
            return std::nullopt;
    return out;
}

namespace {
// Every certificate or CRL in the files; false with *error naming the file at fault.
bool readAll(const QStringList &paths, bool crls, QList<QByteArray> &into, QString *error) {
    for (const QString &path : paths) {
        QFile file(path);
        if (QString why; !InputFile::openToRead(file, &why)) {
            *error = tr("cannot read %1: %2").arg(path, why);
            return false;
        }
        const QByteArray bytes = file.readAll();
        const QList<QByteArray> found =
            crls ? QList<QByteArray>{Revocation::crlDer(bytes)} : Revocation::certificatesIn(bytes);
        if (found.isEmpty() || found.first().isEmpty()) {
            *error = crls ? tr("%1 holds no CRL (DER or PEM)").arg(path)
                          : tr("%1 holds no certificate (PEM or DER)").arg(path);
            return false;
        }
        into << found;
    }
    return true;
}
}  // namespace

std::optional<ValidationSources> ValidationSources::read(const QStringList &chainFiles,
                                                         const QStringList &crlFiles,
                                                         QString *error) {
    ValidationSources out;
    if (!readAll(chainFiles, false, out.chain, error) || !readAll(crlFiles, true, out.crls, error))
        return std::nullopt;
    return out;
}

namespace CrlFetch {
QByteArray get(const QString &url, int timeoutMs, QString *error) {
    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = reply->readAll();
    const QNetworkReply::NetworkError failure = reply->error();
    const QString failureText = reply->errorString();
    delete reply;
    QByteArray crl = failure == QNetworkReply::NoError ? Revocation::crlDer(body) : QByteArray();
    if (failure != QNetworkReply::NoError)
        *error = tr("could not fetch the CRL at %1: %2").arg(url, failureText);
    else if (crl.isEmpty())
        *error = tr("%1 did not answer with a CRL").arg(url);
    return crl;
}
}  // namespace CrlFetch
