#include "DispositionContent.h"

#include "domain/ANumber.h"
#include "domain/Codes.h"
#include "domain/FieldText.h"

#include <QCoreApplication>
#include <QLocale>

namespace DispositionContent {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("DispositionDocument", text);
}

QString orMissing(const QString &s) {
    return s.trimmed().isEmpty() ? tr("not recorded") : s;
}

const QColor kQuiet(0x44, 0x44, 0x44);

Paragraph text(QList<Span> spans, qreal points = 10.5) {
    Paragraph p;
    p.spans = std::move(spans);
    p.points = points;
    return p;
}

Paragraph heading(const QString &title) {
    Paragraph p = text({{title}}, 12.5);
    p.kind = Paragraph::Kind::Heading;
    return p;
}

// A note about the record itself, set smaller and grey.
Paragraph note(const QString &says) {
    return text({{says, false, 0, kQuiet}}, 9);
}

Table grid(qreal padding) {
    Table t;
    t.widths = {0.38, 0.12, 0};
    t.paddingPoints = padding;
    return t;
}

void answersTable(QList<Block> &out, const QString &title, const QList<PolicyItem> &items,
                  const Review &r) {
    if (items.isEmpty())
        return;
    Table t = grid(4);
    t.header = {text({{tr("Question"), true}}), text({{tr("Answer"), true}}),
                text({{tr("Note"), true}})};
    for (const PolicyItem &item : items) {
        QString itemNote;
        for (const ReviewAnswer &a : r.answers)
            if (a.itemId == item.id)
                itemNote = a.note;
        t.rows.append({text({{item.label}}), text({{orMissing(r.answerOf(item.id)), true}}),
                       text({{itemNote}})});
    }
    out << heading(title) << t;
}

// The rest of the policy: what it asks to be weighed, and what must never be a factor;
// and whether the record says the reviewer was shown them.
void considerations(QList<Block> &out, const PolicyPack &pack, const Review &r) {
    auto list = [&out](const QString &title, const QList<PolicyItem> &items) {
        if (items.isEmpty())
            return;
        out << heading(title);
        for (const PolicyItem &item : items) {
            Paragraph p = text({{item.label + u'.', true}, {u' ' + item.help}});
            p.kind = Paragraph::Kind::Bullet;
            out << p;
        }
    };
    list(tr("Other considerations the policy names"), pack.considerations);
    list(tr("Never a factor"), pack.neverFactors);
    if (pack.considerations.isEmpty() && pack.neverFactors.isEmpty())
        return;
    out << note(!r.considerationsShown.isEmpty()
                    ? tr("The reviewer was shown these while weighing the disposition.")
                    : tr("This record does not say whether the reviewer was shown these "
                         "(answers recorded from a file, or by an earlier version of "
                         "Discretion)."));
}

// A hearing dated before the record was made is not a next hearing: the docket had no later
// one. The list and the details mark it "(past)"; the page says it against a date it keeps,
// so that it does not change as the page ages: the signing's (UTC) for a signed copy, since
// a review's date is typed by the reviewer (a review dated ahead of a hearing still to come
// had it called past, one backdated before a hearing gone by had it not), the review's for
// a draft.
QString nextHearing(const DispositionDocument::Input &in) {
    const Case &c = in.theCase;
    if (!c.nextHearingDate.isValid())
        return tr("not scheduled");
    QString text = FieldText::isoDate(c.nextHearingDate) + QStringLiteral(", ") +
                   Codes::hearingTypes().label(c.nextHearingType);
    const QDate signedOn =
        in.signature ? QDateTime::fromString(in.signature->signedAt, Qt::ISODate).toUTC().date()
                     : QDate();
    if (signedOn.isValid() && c.nextHearingDate < signedOn)
        text += tr(" (already past when signed on %1; no later hearing on the docket)")
                    .arg(FieldText::isoDate(signedOn));
    else if (!in.signature && in.review.reviewDate.isValid() &&
             c.nextHearingDate < in.review.reviewDate)
        text += tr(" (already past at the review on %1; no later hearing on the docket)")
                    .arg(FieldText::isoDate(in.review.reviewDate));
    return text;
}

void caption(QList<Block> &out, const DispositionDocument::Input &in) {
    const Case &c = in.theCase;
    Paragraph agency = text({{tr("UNITED STATES DEPARTMENT OF HOMELAND SECURITY") + u'\n' +
                              tr("Office of the Principal Legal Advisor")}},
                            10);
    agency.align = Qt::AlignHCenter;
    Paragraph title = text({{tr("Prosecutorial Discretion Disposition")}}, 15);
    title.kind = Paragraph::Kind::Title;
    title.align = Qt::AlignHCenter;
    Table facts;
    facts.widths = {0.30, 0};
    facts.ruled = false;
    facts.paddingPoints = 2;
    auto row = [&facts](const QString &label, const QString &value, bool bold = false) {
        facts.rows.append({text({{label}}), text({{value, bold}})});
    };
    row(tr("In the Matter of"), c.displayName(), true);
    row(tr("A-number"), ANumber::displayDigits(c.aNumber), true);
    row(tr("Immigration court"),
        c.court.isEmpty() ? tr("not recorded") : c.court + QStringLiteral(" — ") + in.courtName);
    row(tr("Case type; custody"), orMissing(Codes::caseTypes().label(c.caseType)) +
                                      QStringLiteral("; ") +
                                      orMissing(Codes::custody().label(c.custody)));
    row(tr("Next hearing"), nextHearing(in));
    row(tr("Counsel"), c.isRepresented() ? c.counselName + QStringLiteral(" (EOIR-28 ") +
                                               orMissing(FieldText::isoDate(c.eoir28Date)) + u')'
                                         : tr("unrepresented"));
    out << agency << title;
    // What kind of copy this is, where a reader looks first.
    QString status;
    if (!in.signature)
        status = tr("NOT SIGNED: a draft, not the signed disposition");
    else if (in.review.version > 1)
        status = tr("Amended: version %1, superseding version %2 (the reason is given at the end)")
                     .arg(in.review.version)
                     .arg(in.review.version - 1);
    if (!status.isEmpty()) {
        Paragraph line = text({{status, true}});
        line.align = Qt::AlignHCenter;
        out << line;
    }
    out << facts;
}

void factsAndRules(QList<Block> &out, const Review &r) {
    Table t = grid(3);
    t.header = {text({{tr("Fact"), true}}), text({{tr("Value"), true}}),
                text({{tr("How it was derived"), true}})};
    for (const DerivedFact &f : r.facts)
        t.rows.append({text({{f.label}}), text({{f.valueText(), true}}), text({{f.derivation}})});
    out << heading(tr("Facts relied on (derived from the record)"));
    if (!t.rows.isEmpty())
        out << t;
    out << heading(tr("What the policy says"));
    bool any = false;
    for (const RuleSnapshot &rule : r.rules) {
        if (rule.state != u"applies")
            continue;
        any = true;
        out << text(
            {{rule.says.simplified() + u'\n'},
             {tr("Because") + QStringLiteral(": ") + rule.because.join(QStringLiteral("; ")) +
                  QStringLiteral(". [") + rule.citation + u']',
              false, 9, kQuiet}});
    }
    if (!any)
        out << text({{tr("No guidance rule applied.")}});
    // What the attorney saw as open when deciding: the signed page keeps it, so a reader
    // knows the disposition was chosen with these questions unsettled. One marked line per
    // rule, each as the wizard shows it (on one line), so a rule cannot pass for several.
    QStringList undecided;
    for (const RuleSnapshot &rule : r.rules)
        if (rule.state == u"undecided")
            undecided << QStringLiteral("– ") + rule.says.simplified();
    if (!undecided.isEmpty())
        out << text({{tr("Could not be told at the review (a fact unknown or a question "
                         "unanswered):") +
                          u'\n' + undecided.join(u'\n'),
                      false, 9, kQuiet}});
}

// The signature block, kept whole and on the page of the record line below it, so a page
// break never leaves the record line alone on a page.
void signatureAndRecord(QList<Block> &out, const DispositionDocument::Input &in) {
    const SignerProfile &s = in.signer;
    const Review &r = in.review;
    const QString name = s.fullName.isEmpty() && in.signature ? in.signature->signer : s.fullName;
    // A legal document gives the time as a reader reads it, in UTC (never a raw ISO string).
    const QDateTime signedAt =
        in.signature ? QDateTime::fromString(in.signature->signedAt, Qt::ISODate) : QDateTime();
    QStringList lines = {
        // "/s/" marks a signature: a draft names the attorney without it.
        in.signature ? QStringLiteral("/s/ ") + name : name, s.title, s.office,
        s.barNumber.isEmpty() ? QString() : tr("Bar no. %1 (%2)").arg(s.barNumber, s.barState),
        in.signature
            ? tr("Signed %1 UTC")
                  .arg(QLocale(QLocale::English)
                           .toString(signedAt.toUTC(), QStringLiteral("d MMMM yyyy, HH:mm")))
            : tr("Not signed")};
    // The attorney who prepared the review is named when another attorney signs it (a
    // reviewer recorded as "name, title" is the same person).
    if (!r.reviewer.isEmpty() && in.signature && r.reviewer != name &&
        !r.reviewer.startsWith(name + u','))
        lines.prepend(tr("Prepared by %1; signed by:").arg(r.reviewer));
    lines.removeAll(QString());
    Paragraph block = text({{lines.join(u'\n')}});
    block.indent = 0.45;
    block.spaceAbove = 18;
    block.keepTogether = true;
    block.keepWithNext = true;
    QString record = tr("Record SHA-256:") + u' ' + r.sha256() + QStringLiteral(" — ") +
                     tr("reviewer") + u' ' + r.reviewer + QStringLiteral(", ") + tr("review date") +
                     u' ' + FieldText::isoDate(r.reviewDate);
    if (in.signature && !in.signature->auditHead.isEmpty())
        record +=
            u'\n' + tr("Audit log head at signing (SHA-256):") + u' ' + in.signature->auditHead;
    Paragraph recordLine = text({{record, false, 0, QColor(0x33, 0x33, 0x33)}}, 8.5);
    recordLine.keepTogether = true;
    out << block << recordLine;
}

void policyApplied(QList<Block> &out, const DispositionDocument::Input &in) {
    const Review &r = in.review;
    QList<Span> spans = {
        {in.pack.title + u'\n'},
        {tr("id") + u' ' + r.policyId + QStringLiteral(", SHA-256 ") + r.policySha256, false, 9}};
    if (!r.policyInForce)
        spans.append({u'\n' + tr("This policy was not in force on the review date."), true});
    out << heading(tr("Policy applied")) << text(spans);
}

void decision(QList<Block> &out, const DispositionDocument::Input &in) {
    const Review &r = in.review;
    // The disposition stays with the start of its reasons, and (below) the end of what is
    // signed with the signature: a signature page never stands without the text it signs.
    Paragraph chosen = text({{in.pack.dispositionLabel(r.disposition), true}});
    chosen.keepWithNext = true;
    out << heading(tr("Disposition")) << chosen << heading(tr("Reasons")) << text({{r.reasons}});
    if (!r.deviationReason.isEmpty())
        out << heading(tr("Why not the usual course")) << text({{r.deviationReason}});
    if (r.version > 1)
        out << text({{tr("Amendment (version %1, superseding version %2):")
                          .arg(r.version)
                          .arg(r.version - 1),
                      true},
                     {u' ' + r.amendmentReason}});
    // The signature is never alone on a page: the end of what it signs comes with it.
    std::get<Paragraph>(out.last()).keepWithNext = true;
}
}  // namespace

QList<Block> blocks(const DispositionDocument::Input &in) {
    const Review &r = in.review;
    QList<Block> out;
    caption(out, in);
    if (!r.hasCaseFacts())
        out << note(
            tr("This record was made by an earlier version of Discretion that did not "
               "keep the case facts in the record: the caption above shows the case as "
               "the docket held it when this copy was printed."));
    policyApplied(out, in);
    answersTable(out, tr("Enforcement priorities"), in.pack.priorities, r);
    factsAndRules(out, r);
    answersTable(out, tr("Aggravating factors"), in.pack.aggravating, r);
    answersTable(out, tr("Mitigating factors"), in.pack.mitigating, r);
    considerations(out, in.pack, r);
    decision(out, in);
    signatureAndRecord(out, in);
    return out;
}
}  // namespace DispositionContent
