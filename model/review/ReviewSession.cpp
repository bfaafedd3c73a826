#include "ReviewSession.h"

#include "store/CaseStore.h"
#include "store/ReviewStore.h"

ReviewSession::ReviewSession(CaseStore &store, qint64 caseId, QList<PolicyPack> packs,
                             QDate reviewDate, QString reviewer, QObject *parent)
    : QObject(parent), m_store(store), m_packs(std::move(packs)) {
    m_case = store.loadCase(caseId).value_or(Case());
    if (m_packs.isEmpty())
        return;
    m_review.reviewer = std::move(reviewer);
    m_review.reviewDate = reviewDate;
    // The pack in force on the review date, or the first one (with a warning) if none is.
    m_pack = m_packs.first();
    for (const PolicyPack &p : m_packs)
        if (p.isInForceOn(reviewDate))
            m_pack = p;
    resume();
    update();
    m_savedBytes = m_review.canonicalBytes();
}

bool ReviewSession::hasUnsavedChanges() const {
    return m_review.canonicalBytes() != m_savedBytes;
}

void ReviewSession::resume() {
    const std::optional<Review> saved = ReviewStore(m_store).latest(m_case.id);
    if (!saved)
        return;
    for (const PolicyPack &p : m_packs)
        if (p.sha256() == saved->policySha256)
            m_pack = p;
    if (m_pack.sha256() != saved->policySha256) {
        // Made under a text no longer shipped: use the exact text stored with the review.
        QString error;
        const std::optional<QByteArray> text = ReviewStore(m_store).policyText(saved->policySha256);
        if (std::optional<PolicyPack> old =
                text ? PolicyPack::fromJson(*text, &error) : std::nullopt) {
            m_packs.prepend(*old);
            m_pack = *old;
        }
    }
    // The text is gone, or was edited outside the program (it no longer hashes to its key):
    // the review goes on under the pack chosen above, and the page says so.
    if (m_pack.sha256() != saved->policySha256)
        m_lostPolicy = saved->policyId;
    m_review = *saved;
    m_resumed = true;
}

QString ReviewSession::policyWarning() const {
    if (!m_lostPolicy.isEmpty())
        return tr("The text of the policy pack %1, which this review was saved under, is not "
                  "in the docket as it was kept (missing, or changed outside Discretion; File › "
                  "Verify Audit Log names it). To go on under it, load its original file again "
                  "(Case › Policies… › Load from File…) and reopen the review; until then it "
                  "uses %2, and answers to questions that pack does not ask are not shown.")
            .arg(m_lostPolicy, m_pack.title);
    if (m_review.policyInForce)
        return {};
    return tr("%1 was not in force on the review date %2. The record will say so.")
        .arg(m_pack.title, m_review.reviewDate.toString(Qt::ISODate));
}

void ReviewSession::update() {
    m_review.refresh(m_case, m_pack);
    Q_EMIT changed();
}

void ReviewSession::choosePack(const QString &id) {
    for (const PolicyPack &p : m_packs) {
        if (p.id == id && p.sha256() != m_pack.sha256()) {
            m_pack = p;
            // Answers to questions the new pack does not ask would be meaningless.
            const QStringList asked = p.answerableIds();
            m_review.answers.removeIf(
                [&](const ReviewAnswer &a) { return !asked.contains(a.itemId); });
            bool offered = false;
            for (const PolicyItem &d : p.dispositions)
                offered |= d.id == m_review.disposition;
            if (!offered)
                m_review.disposition.clear();
            update();
        }
    }
}

void ReviewSession::reloadCase() {
    if (std::optional<Case> c = m_store.loadCase(m_case.id))
        m_case = *c;
    update();
}

void ReviewSession::setAnswer(const QString &itemId, const QString &value, const QString &note) {
    for (ReviewAnswer &a : m_review.answers) {
        if (a.itemId == itemId) {
            if (a.value == value && a.note == note)
                return;
            a.value = value;
            a.note = note;
            update();
            return;
        }
    }
    m_review.answers << ReviewAnswer{itemId, value, note};
    update();
}

void ReviewSession::setDisposition(const QString &id) {
    if (m_review.disposition != id) {
        m_review.disposition = id;
        update();
    }
}

void ReviewSession::setReasons(const QString &text) {
    m_review.reasons = text;
}

void ReviewSession::setDeviationReason(const QString &text) {
    m_review.deviationReason = text;
}

QList<ReviewIssue> ReviewSession::missing() const {
    return ReviewChecker::structural(m_review, m_pack) +
           ReviewChecker::completeness(m_review, m_pack);
}

bool ReviewSession::deviates() const {
    const QStringList usual = m_review.usualCourses();
    return !m_review.disposition.isEmpty() && !usual.isEmpty() &&
           !usual.contains(m_review.disposition);
}

void ReviewSession::noteConsiderationsShown() {
    if (m_review.isSigned || (m_review.status == u"ready" && !hasUnsavedChanges()))
        return;
    QStringList ids;
    for (const PolicyItem &item : m_pack.considerations + m_pack.neverFactors)
        ids << item.id;
    if (ids == m_review.considerationsShown)
        return;
    m_review.considerationsShown = ids;
    Q_EMIT changed();
}

bool ReviewSession::save(const QString &status, QString *error) {
    Review candidate = m_review;
    candidate.status = status;
    const QList<ReviewIssue> issues = ReviewChecker::forStatus(candidate, m_pack);
    if (!issues.isEmpty()) {
        *error = issues.first().question + QStringLiteral(": ") + issues.first().message;
        return false;
    }
    if (!ReviewStore(m_store).save(candidate, m_pack, error))
        return false;
    m_review = candidate;
    m_savedBytes = m_review.canonicalBytes();
    Q_EMIT saved();
    return true;
}
