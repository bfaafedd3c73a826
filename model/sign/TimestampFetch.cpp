#include "SignatureTimestamp.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace SignatureTimestamp {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("SignatureTimestamp", text);
}

// One HTTP POST, waited for in a local event loop: signing is a step the attorney waits
// on, and the export threads each sign in turn. The reply body, or empty with *error.
QByteArray post(const QUrl &url, const QByteArray &body, int timeoutMs, QString *error) {
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/timestamp-query"));
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = network.post(request, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    QByteArray answer = reply->readAll();  // not const: returned, so moved
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    const QNetworkReply::NetworkError failure = reply->error();
    const QString failureText = reply->errorString();
    delete reply;
    if (failure == QNetworkReply::OperationCanceledError ||
        failure == QNetworkReply::TimeoutError) {
        *error = tr("the time-stamp authority %1 did not answer within %2 seconds")
                     .arg(url.toDisplayString())
                     .arg(timeoutMs / 1000);
        return {};
    }
    if (failure != QNetworkReply::NoError && status == 0) {
        *error = tr("could not reach the time-stamp authority %1: %2")
                     .arg(url.toDisplayString(), failureText);
        return {};
    }
    if (status != 200 || !type.startsWith(u"application/timestamp-reply")) {
        *error = tr("the time-stamp authority %1 answered HTTP %2 (%3), not a timestamp")
                     .arg(url.toDisplayString())
                     .arg(status)
                     .arg(type.isEmpty() ? tr("no content type") : type);
        return {};
    }
    return answer;
}
}  // namespace

QByteArray fetch(const QUrl &url, const QByteArray &signatureValue, int timeoutMs, QString *error) {
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        *error = tr("the time-stamp authority must be an http:// or https:// address, not \"%1\"")
                     .arg(url.toString());
        return {};
    }
    const Request request = SignatureTimestamp::request(signatureValue);
    if (request.der.isEmpty()) {
        *error = tr("could not make the timestamp request");
        return {};
    }
    const QByteArray reply = post(url, request.der, timeoutMs, error);
    return reply.isEmpty() ? QByteArray() : tokenFrom(reply, request, error);
}
}  // namespace SignatureTimestamp
