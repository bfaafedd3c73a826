#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// Runs a real program (the built `discretion`, pdfsig, qpdf, openssl, python3, sqlite3)
// and keeps what it printed. A crash is exit code -1, never a pass.
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

inline Run runProgram(const QString &program, const QStringList &args,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                      const QByteArray &input = {}) {
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(180000);
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
