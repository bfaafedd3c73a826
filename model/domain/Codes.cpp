#include "Codes.h"

#include <QCoreApplication>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("Codes", text);
}
}  // namespace

bool CodeSet::contains(const QString &code) const {
    for (const CodeOption &o : m_options)
        if (o.code == code)
            return true;
    return false;
}

QString CodeSet::label(const QString &code) const {
    for (const CodeOption &o : m_options)
        if (o.code == code)
            return o.label;
    return code;
}

QStringList CodeSet::codes() const {
    QStringList out;
    for (const CodeOption &o : m_options)
        out << o.code;
    return out;
}

namespace Codes {
const CodeSet &caseTypes() {
    static const CodeSet set(QStringLiteral("case type"), {{"RMV", tr("Removal")},
                                                           {"DEP", tr("Deportation")},
                                                           {"EXC", tr("Exclusion")},
                                                           {"AOC", tr("Asylum-only")},
                                                           {"WHO", tr("Withholding-only")}});
    return set;
}

const CodeSet &custody() {
    static const CodeSet set(
        QStringLiteral("custody"),
        {{"D", tr("Detained")}, {"N", tr("Never detained")}, {"R", tr("Released")}});
    return set;
}

const CodeSet &hearingTypes() {
    static const CodeSet set(
        QStringLiteral("hearing type"),
        {{"master", tr("Master calendar")}, {"individual", tr("Individual (merits)")}});
    return set;
}

const CodeSet &entryManners() {
    static const CodeSet set(QStringLiteral("manner of entry"),
                             {{"ewi", tr("Without inspection")},
                              {"admitted", tr("Admitted with inspection")},
                              {"port_of_entry", tr("Presented at a port of entry")},
                              {"parole", tr("Paroled")}});
    return set;
}

const CodeSet &chargeDispositions() {
    static const CodeSet set(QStringLiteral("charge disposition"), {{"convicted", tr("Convicted")},
                                                                    {"acquitted", tr("Acquitted")},
                                                                    {"dismissed", tr("Dismissed")},
                                                                    {"pending", tr("Pending")},
                                                                    {"vacated", tr("Vacated")},
                                                                    {"expunged", tr("Expunged")}});
    return set;
}

const CodeSet &familyRelations() {
    static const CodeSet set(QStringLiteral("relation"), {{"spouse", tr("Spouse")},
                                                          {"child", tr("Child")},
                                                          {"parent", tr("Parent")},
                                                          {"sibling", tr("Sibling")},
                                                          {"partner", tr("Partner")},
                                                          {"other", tr("Other")}});
    return set;
}

const CodeSet &familyStatuses() {
    static const CodeSet set(
        QStringLiteral("family status"),
        {{"USC", tr("US citizen")}, {"LPR", tr("Permanent resident")}, {"other", tr("Other")}});
    return set;
}

const CodeSet &dependencies() {
    static const CodeSet set(
        QStringLiteral("dependency"),
        {{"", tr("None")}, {"provider", tr("Provider")}, {"caregiver", tr("Caregiver")}});
    return set;
}

const CodeSet &reliefTypes() {
    static const CodeSet set(QStringLiteral("relief type"),
                             {{"asylum", tr("Asylum")},
                              {"withholding", tr("Withholding of removal")},
                              {"cat", tr("Convention Against Torture")},
                              {"42a", tr("LPR cancellation (42A)")},
                              {"42b", tr("Non-LPR cancellation (42B)")},
                              {"245", tr("Adjustment of status (245)")},
                              {"u_visa", tr("U visa")},
                              {"t_visa", tr("T visa")},
                              {"sij", tr("Special Immigrant Juvenile")},
                              {"vawa", tr("VAWA")},
                              {"tps", tr("Temporary Protected Status")},
                              {"daca", tr("DACA")}});
    return set;
}

const CodeSet &reliefForums() {
    static const CodeSet set(QStringLiteral("relief forum"),
                             {{"court", tr("Immigration court")}, {"uscis", tr("USCIS")}});
    return set;
}

const CodeSet &reviewStatuses() {
    static const CodeSet set(QStringLiteral("review status"), {{"not_reviewed", tr("Not reviewed")},
                                                               {"draft", tr("Draft")},
                                                               {"ready", tr("Ready to sign")},
                                                               {"signed", tr("Signed")}});
    return set;
}
}  // namespace Codes
