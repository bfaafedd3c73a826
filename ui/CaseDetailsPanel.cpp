#include "CaseDetailsPanel.h"

#include "domain/ANumber.h"
#include "domain/Clock.h"
#include "domain/Codes.h"

namespace {
QString esc(const QString &s) {
    return s.toHtmlEscaped();
}

QString orMissing(const QString &s) {
    return s.trimmed().isEmpty() ? QStringLiteral("<i style='color:#8a6d3b'>missing</i>") : esc(s);
}

QString date(const QDate &d) {
    return d.isValid() ? d.toString(Qt::ISODate) : orMissing({});
}

QString row(const QString &label, const QString &valueHtml) {
    return QStringLiteral("<tr><td style='color:#555;padding-right:8px'>%1</td><td>%2</td></tr>")
        .arg(esc(label), valueHtml);
}

// An empty list says whether anyone checked: "none found (checked …)" or "not checked".
QString listHeading(const QString &title, qsizetype count, const QDate &checkedNone) {
    const QString state =
        count > 0 ? QString::number(count)
        : checkedNone.isValid()
            ? CaseDetailsPanel::tr("checked %1, none found").arg(checkedNone.toString(Qt::ISODate))
            : CaseDetailsPanel::tr("none recorded, not checked");
    return QStringLiteral("<h4>%1 (%2)</h4>").arg(esc(title), esc(state));
}
}  // namespace

CaseDetailsPanel::CaseDetailsPanel(QWidget *parent) : QTextBrowser(parent) {
    setObjectName(QStringLiteral("detailsPanel"));
    setAccessibleName(tr("Case details"));
    setWhatsThis(
        tr("The selected case as the docket holds it now. An empty criminal history "
           "or family list says whether anyone checked; Enter edits the case."));
    setOpenLinks(false);
    showCase(std::nullopt);
}

void CaseDetailsPanel::showCase(const std::optional<Case> &c) {
    setHtml(c ? html(*c)
              : QStringLiteral("<p style='color:#666'>%1</p>")
                    .arg(esc(tr("Select a case to see its details. Press Enter to edit it."))));
}

void CaseDetailsPanel::showReading() {
    setHtml(QStringLiteral("<p style='color:#666'>%1</p>").arg(esc(tr("Reading the case…"))));
}

QString CaseDetailsPanel::html(const Case &c) const {
    QString h = QStringLiteral("<h3>%1</h3><p><b>%2</b></p><table>")
                    .arg(esc(c.displayName()), esc(ANumber::displayDigits(c.aNumber)));
    h += row(tr("Born"), date(c.dateOfBirth));
    h += row(tr("Nationality"), orMissing(c.nationality));
    h += row(tr("Language"), orMissing(c.language));
    h += row(tr("Court"), orMissing(c.court.isEmpty() ? QString()
                                                      : c.court + QStringLiteral(" — ") +
                                                            m_courtNames.value(c.court)));
    h += row(tr("Case type"), orMissing(Codes::caseTypes().label(c.caseType)));
    h += row(tr("Custody"), orMissing(Codes::custody().label(c.custody)));
    h += row(tr("NTA"), date(c.ntaDate));
    h += row(tr("Next hearing"),
             c.nextHearingDate.isValid()
                 ? esc(c.nextHearingDate.toString(Qt::ISODate) + QStringLiteral(", ") +
                       Codes::hearingTypes().label(c.nextHearingType) +
                       (c.nextHearingDate < Clock::today()
                            ? tr(" (past: no later hearing on the docket)")
                            : QString()))
                 : orMissing({}));
    h += row(tr("Entry"), c.entryDate.isValid()
                              ? esc(c.entryDate.toString(Qt::ISODate) + QStringLiteral(", ") +
                                    Codes::entryManners().label(c.entryManner))
                              : orMissing({}));
    h += row(tr("First present"), date(c.firstPresenceDate));
    h += row(tr("Apprehended"), c.apprehensionDate.isValid()
                                    ? esc(c.apprehensionDate.toString(Qt::ISODate) +
                                          QStringLiteral(", ") + c.apprehensionPlace)
                                    : QStringLiteral("—"));
    h += row(
        tr("Counsel"),
        c.isRepresented()
            ? esc(c.counselName + QStringLiteral(" (") + c.counselBarNumber + QStringLiteral(")")) +
                  (c.eoir28Date.isValid()
                       ? esc(tr(", EOIR-28 filed ") + c.eoir28Date.toString(Qt::ISODate))
                       : QString())
            : esc(tr("Unrepresented")));
    h += row(tr("Review"), esc(Codes::reviewStatuses().label(c.reviewStatus)));
    h += QStringLiteral("</table>");

    h += listHeading(tr("Criminal history"), c.charges.size(), c.noCriminalHistoryCheckedOn);
    for (const Charge &ch : c.charges)
        h += QStringLiteral("<p>%1 — %2, %3%4%5</p>")
                 .arg(esc(ch.offense), esc(Codes::chargeDispositions().label(ch.disposition)),
                      date(ch.date),
                      ch.sentence.isEmpty() ? QString() : esc(QStringLiteral(", ") + ch.sentence),
                      ch.weaponInvolved ? esc(tr(", weapon involved")) : QString());
    h += listHeading(tr("Family in the US"), c.family.size(), c.noUsFamilyCheckedOn);
    for (const FamilyMember &f : c.family)
        h += QStringLiteral("<p>%1: %2 (%3)%4</p>")
                 .arg(esc(Codes::familyRelations().label(f.relation)), esc(f.name),
                      esc(Codes::familyStatuses().label(f.status)),
                      f.dependency.isEmpty()
                          ? QString()
                          : esc(QStringLiteral(", ") + Codes::dependencies().label(f.dependency)));
    h +=
        QStringLiteral("<h4>%1 (%2)</h4>").arg(esc(tr("Relief")), QString::number(c.relief.size()));
    for (const ReliefApplication &r : c.relief)
        h += QStringLiteral("<p>%1 — %2, filed %3</p>")
                 .arg(esc(Codes::reliefTypes().label(r.type)),
                      esc(Codes::reliefForums().label(r.forum)), date(r.filedDate));
    for (const auto &[label, text] :
         {std::pair{tr("Military or public service"), c.militaryService},
          {tr("Health"), c.healthNotes},
          {tr("Victim or witness"), c.victimWitnessNotes},
          {tr("Notes"), c.notes}})
        if (!text.isEmpty())
            h += QStringLiteral("<h4>%1</h4><p>%2</p>").arg(esc(label), esc(text));
    return h;
}
