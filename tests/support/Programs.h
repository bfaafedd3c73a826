#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs a real program (the built `discretion`, pdfsig, qpdf, openssl, python3, sqlite3)
// and keeps what it printed. A crash, a program that could not be started or one still
// running after three minutes is exit code -1 with the reason in `err`, never a pass (a
// failed start read as exit code 0 with nothing printed).
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

inline Run runProgram(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                      const QByteArray &input = {}, int timeoutMs = 180000) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        const QString why =
            p.state() == QProcess::NotRunning ? p.errorString() : QStringLiteral("timed out");
        p.kill();
        p.waitForFinished(10000);
        return {-1, QString::fromUtf8(p.readAllStandardOutput()),
                QStringLiteral("%1 %2: %3\n").arg(program, args.join(u' '), why) +
                    QString::fromUtf8(p.readAllStandardError())};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

inline Run discretionRun(const QStringList &args, const QProcessEnvironment &env =
                                                      QProcessEnvironment::systemEnvironment()) {
    return runProgram(QStringLiteral(DISCRETION_EXECUTABLE), args, env);
}

// A file of resources/policies: the example case, answers and the shipped packs.
inline QString policyFile(const QString &name) {
    return QStringLiteral(DISCRETION_SOURCE "/resources/policies/") + name;
}
