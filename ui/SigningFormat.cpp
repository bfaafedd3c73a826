#include "SigningFormat.h"

#include "Settings.h"

#include <QCoreApplication>

namespace SigningFormat {
std::optional<PdfFormat> fromSettings(QString *error) {
    const Settings::Preferences p = Settings::preferences();
    PdfFormat format{QPageSize(p.pageSize), p.pdfA, QUrl(p.timestampAuthority)};
    if (p.caCertificates.isEmpty() || format.timestampAuthority.isEmpty())
        return format;
    format.validation = ValidationSources::read({p.caCertificates}, {}, error);
    if (!format.validation) {
        *error = QCoreApplication::translate("SigningFormat",
                                             "the CA certificates of File › Settings… cannot be "
                                             "used: %1")
                     .arg(*error);
        return std::nullopt;
    }
    format.archiveTimestamp = true;
    return format;
}

QString levelText(const PdfFormat &format) {
    if (format.timestampAuthority.isEmpty())
        return QCoreApplication::translate("SigningFormat", "PAdES B-B, not timestamped");
    return format.validation
               ? QCoreApplication::translate("SigningFormat",
                                             "PAdES B-LTA: timestamped, with the certificates and "
                                             "CRLs to check it for years")
               : QCoreApplication::translate("SigningFormat", "PAdES B-T: timestamped");
}
}  // namespace SigningFormat
